<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplyDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="63" />
        <source>Apply for a policy</source>
        <translation>申请政策兑现</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="68" />
        <source>Materials handed in:</source>
        <translation>已收材料：</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../ui/claim_dialog.py" line="38" />
        <source>Claim %1</source>
        <translation>申请 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="53" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="53" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="53" />
        <source>Status after</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="53" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="53" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="66" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="67" />
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="68" />
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="69" />
        <source>Start public notice</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="70" />
        <source>Pay</source>
        <translation>兑付</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="71" />
        <source>Draw a verifier…</source>
        <translation>随机抽取鉴证机构…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="72" />
        <source>Payout notice PDF</source>
        <translation>兑付通知书 PDF</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="141" />
        <source>Reason (told to the enterprise):</source>
        <translation>理由（将告知企业）：</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="147" />
        <source>Materials are missing. Reason for accepting anyway:</source>
        <translation>材料不全。容缺受理的理由：</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="152" />
        <source>Witness text (seeds the draw):</source>
        <translation>现场见证文字（作为随机种子）：</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="159" />
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="200" />
        <source>Writing the notice…</source>
        <translation>正在生成通知书…</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../ui/facts_dialog.py" line="140" />
        <source>Correct a figure</source>
        <translation>更正数据</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="143" />
        <source>Now</source>
        <translation>现有数据</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="146" />
        <source>e.g. 300万元, 1500元, 36, 是 or 否</source>
        <translation>如 300万元、1500元、36、是 或 否</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="147" />
        <source>Correct value</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="150" />
        <source>The reason and the evidence, e.g. the audited 2025 accounts</source>
        <translation>更正的理由和依据，如企业提供的2025年度审计报告</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="151" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>FactsDialog</name>
    <message>
        <location filename="../ui/facts_dialog.py" line="36" />
        <source>Enterprise data and sources</source>
        <translation>企业数据及来源</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="44" />
        <source>Item</source>
        <translation>数据项</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="44" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="44" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="44" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="44" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="54" />
        <source>Correct the selected figure…</source>
        <translation>更正所选数据…</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="92" />
        <source>Choose the figure to correct in the list.</source>
        <translation>请先在列表中选择要更正的数据。</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="109" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../__init__.py" line="101" />
        <source>Policy fulfilment</source>
        <translation>惠企政策兑现</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../ui/page.py" line="67" />
        <source>Policy fulfilment</source>
        <translation>惠企政策兑现</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="71" />
        <source>Match again</source>
        <translation>重新匹配</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="73" />
        <source>Payout report…</source>
        <translation>兑付报表…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="81" />
        <source>Policies</source>
        <translation>政策目录</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="82" />
        <source>By enterprise</source>
        <translation>按企业</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="83" />
        <source>Claims</source>
        <translation>兑现申请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="124" />
        <source>Matching enterprises against the policies…</source>
        <translation>正在按政策匹配企业…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="135" />
        <source>Every enterprise's matches are up to date.</source>
        <translation>全部企业的匹配结果已是最新。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="140" />
        <source>Matched %1 enterprises in %2 s: %3 qualifying, %4 need data.</source>
        <translation>已匹配 %1 家企业，用时 %2 秒：符合 %3 项次，待补数据 %4 项次。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="156" />
        <source>Matching enterprises…</source>
        <translation>正在匹配企业…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="163" />
        <location filename="../ui/page.py" line="294" />
        <location filename="../ui/page.py" line="494" />
        <source>Code</source>
        <translation>政策编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="163" />
        <location filename="../ui/page.py" line="294" />
        <source>Policy</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="163" />
        <location filename="../ui/page.py" line="294" />
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="163" />
        <source>Qualifying</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="164" />
        <source>Need data</source>
        <translation>待补数据</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="164" />
        <source>Estimated total</source>
        <translation>预计总额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="174" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="174" />
        <location filename="../ui/page.py" line="494" />
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="174" />
        <location filename="../ui/page.py" line="294" />
        <source>Result</source>
        <translation>匹配结果</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="174" />
        <location filename="../ui/page.py" line="295" />
        <source>Estimated amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="175" />
        <location filename="../ui/page.py" line="295" />
        <source>Claim</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="283" />
        <source>Credit code or name of the enterprise</source>
        <translation>统一社会信用代码或企业名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="285" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="290" />
        <source>Choose an enterprise to see the policies it qualifies for.</source>
        <translation>请选择企业，查看它可享受的政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="309" />
        <source>Any policy code, e.g. TAX-CONTRIB</source>
        <translation>任一政策编号，如 TAX-CONTRIB</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="311" />
        <source>Why not?</source>
        <translation>为何不符合？</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="314" />
        <source>Apply for the selected policy</source>
        <translation>申请所选政策</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="318" />
        <source>Data and sources…</source>
        <translation>数据及来源…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="352" />
        <source>No enterprise matches “%1”.</source>
        <translation>没有找到与“%1”相符的企业。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="384" />
        <source>Find an enterprise first.</source>
        <translation>请先查找企业。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="416" />
        <source>Choose an enterprise and type a policy code.</source>
        <translation>请先选择企业，再输入政策编号。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="439" />
        <source>Choose a policy in the list first.</source>
        <translation>请先在列表中选择一项政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="480" />
        <source>Claim number, enterprise or policy code</source>
        <translation>申请编号、企业名称或政策编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="483" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="487" />
        <source>Open…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="494" />
        <source>Number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="494" />
        <source>Period</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="494" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="495" />
        <source>Estimated</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="495" />
        <source>Approved</source>
        <translation>核定金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="495" />
        <source>Last change</source>
        <translation>最近办理</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="89" />
        <source>Payout report</source>
        <translation>兑付报表</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="93" />
        <source>Month (YYYY-MM)</source>
        <translation>月份（YYYY-MM）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="96" />
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="97" />
        <source>Save XLSX…</source>
        <translation>保存 XLSX…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="98" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="137" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="139" />
        <source>Writing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="36" />
        <source>Why (not)</source>
        <translation>符合与否的理由</translation>
    </message>
</context>
</TS>