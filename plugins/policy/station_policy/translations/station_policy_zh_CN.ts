<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplyDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="64" />
        <source>Apply for a policy</source>
        <translation>申请政策兑现</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="71" />
        <source>Materials handed in:</source>
        <translation>已收材料：</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../ui/claim_dialog.py" line="319" />
        <source>Approve the claim %2 of %1 for %3, and set the amount to pay.</source>
        <translation>审核通过“%1”的申请 %2（%3），并核定兑付金额。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="322" />
        <source>Approve claim</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="322" />
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="327" />
        <source>Yuan, e.g. 1500 or 1500.50</source>
        <translation>单位元，如 1500 或 1500.50</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="328" />
        <source>Approved amount (yuan)</source>
        <translation>核定金额（元）</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="331" />
        <source>Needed only when the amount differs from the estimate</source>
        <translation>核定金额与预计金额不同时必填</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="332" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="334" />
        <source>Estimated by the rules</source>
        <translation>按规则预计</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="352" />
        <source>Type the approved amount in yuan, greater than zero, with at most two decimals.</source>
        <translation>请填写核定金额（元），须大于零，最多两位小数。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="354" />
        <source>The amount differs from the estimate: write the reason.</source>
        <translation>核定金额与预计金额不同，请写明理由。</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../ui/claim_dialog.py" line="39" />
        <source>Claim %1</source>
        <translation>申请 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="54" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="54" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="54" />
        <source>Status after</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="54" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="54" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="68" />
        <location filename="../ui/claim_dialog.py" line="208" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="69" />
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="70" />
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="71" />
        <source>Start public notice</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="72" />
        <location filename="../ui/claim_dialog.py" line="221" />
        <source>Pay</source>
        <translation>兑付</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="73" />
        <source>Draw a verifier…</source>
        <translation>随机抽取鉴证机构…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="74" />
        <source>Receipt PDF</source>
        <translation>申请回执 PDF</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="75" />
        <source>Payout notice PDF</source>
        <translation>兑付通知书 PDF</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="105" />
        <source>one-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="105" />
        <source>year %1</source>
        <translation>%1 年度</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="107" />
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — %3 (edition of %4, %5)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2） — %3（%4 版，%5）</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="116" />
        <source>estimated %1</source>
        <translation>预计 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="117" />
        <source>approved %1</source>
        <translation>核定 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="120" />
        <source>on public notice until %1</source>
        <translation>公示至 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="122" />
        <source>payout number %1</source>
        <translation>兑付编号 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="124" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="126" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="128" />
        <source>Receipt code: %1</source>
        <translation>回执查询码：%1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="130" />
        <source>Receipt code: made when the receipt is printed</source>
        <translation>回执查询码：打印回执时生成</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="134" />
        <source>Third-party verifier: %1</source>
        <translation>第三方鉴证机构：%1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="194" />
        <source>Reject claim</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="195" />
        <source>Reject the claim %2 of %1 for %3 (%4)? The reason is told to the enterprise.</source>
        <translation>驳回“%1”的申请 %2（%3，%4）？理由将告知企业。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="196" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="197" />
        <source>Reason for rejecting</source>
        <translation>驳回理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="206" />
        <source>Accept with materials missing</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="207" />
        <source>Materials are missing from the claim %2 of %1. Accept it anyway on a promise?</source>
        <translation>“%1”的申请 %2 缺少材料。是否凭企业承诺容缺受理？</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="209" />
        <source>Reason for accepting anyway</source>
        <translation>容缺受理理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="222" />
        <source>Pay %4 to %1 for the claim %2 (%3)? A payment cannot be undone.</source>
        <translation>向“%1”兑付申请 %2（%3）的核定金额 %4？兑付后不能撤销。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="223" />
        <source>Pay %4</source>
        <translation>兑付 %4</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="229" />
        <source>Draw a verifier</source>
        <translation>抽取鉴证机构</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="230" />
        <source>Draw a verification agency at random for the claim %2 of %1.</source>
        <translation>为“%1”的申请 %2 随机抽取第三方鉴证机构。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="231" />
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="232" />
        <source>Witness text</source>
        <translation>见证文字</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="233" />
        <source>Type the witness text; it seeds the draw so anyone can re-check it.</source>
        <translation>请输入见证文字；抽取结果由它决定，任何人都可据此复核。</translation>
    </message>
    <message>
        <source>Reason (told to the enterprise):</source>
        <translation type="vanished">理由（将告知企业）：</translation>
    </message>
    <message>
        <source>Materials are missing. Reason for accepting anyway:</source>
        <translation type="vanished">材料不全。容缺受理的理由：</translation>
    </message>
    <message>
        <source>Witness text (seeds the draw):</source>
        <translation type="vanished">现场见证文字（作为随机种子）：</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="242" />
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="286" />
        <source>Writing the notice…</source>
        <translation>正在生成通知书…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="310" />
        <source>Writing the receipt…</source>
        <translation>正在生成回执…</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../ui/facts_dialog.py" line="145" />
        <source>Correct a figure</source>
        <translation>更正数据</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="148" />
        <source>Now</source>
        <translation>现有数据</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="151" />
        <source>e.g. 300万元, 1500元, 36, 是 or 否</source>
        <translation>如 300万元、1500元、36、是 或 否</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="152" />
        <source>Correct value</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="155" />
        <source>The reason and the evidence, e.g. the audited 2025 accounts</source>
        <translation>更正的理由和依据，如企业提供的2025年度审计报告</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="156" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../__init__.py" line="183" />
        <source>Enterprises eligible for a policy</source>
        <translation>可享受政策的企业</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="190" />
        <source>Claims in progress</source>
        <translation>办理中的兑现申请</translation>
    </message>
</context>
<context>
    <name>FactsDialog</name>
    <message>
        <location filename="../ui/facts_dialog.py" line="38" />
        <source>Enterprise data and sources</source>
        <translation>企业数据及来源</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="46" />
        <source>Item</source>
        <translation>数据项</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="46" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="46" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="46" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="46" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="56" />
        <source>Correct the selected figure…</source>
        <translation>更正所选数据…</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="94" />
        <source>Choose the figure to correct in the list.</source>
        <translation>请先在列表中选择要更正的数据。</translation>
    </message>
    <message>
        <location filename="../ui/facts_dialog.py" line="111" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../__init__.py" line="117" />
        <source>Policy fulfilment</source>
        <translation>惠企政策兑现</translation>
    </message>
</context>
<context>
    <name>PolicyNames</name>
    <message>
        <location filename="../ui/names.py" line="18" />
        <source>Applied</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="19" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="vanished">核定金额</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="20" />
        <source>Passed review</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="21" />
        <source>Under public notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="22" />
        <source>Paid</source>
        <translation>已兑付</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="23" />
        <source>Rejected</source>
        <translation>不予兑现</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="24" />
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="27" />
        <source>Apply</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="28" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="29" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="30" />
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="31" />
        <source>Pay</source>
        <translation>兑付</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="32" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="33" />
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="34" />
        <source>Third-party verification</source>
        <translation>第三方鉴证</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="37" />
        <source>Eligible</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="38" />
        <source>Data missing</source>
        <translation>待补数据</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="39" />
        <source>Not eligible</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="42" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="43" />
        <source>Waiting for the hall's confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="44" />
        <source>Not accepted by the hall</source>
        <translation>未被服务大厅接受</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="82" />
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../ui/page.py" line="70" />
        <source>Policy fulfilment</source>
        <translation>惠企政策兑现</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="74" />
        <source>Match again</source>
        <translation>重新匹配</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="76" />
        <source>Payout report…</source>
        <translation>兑付报表…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="84" />
        <source>Policies</source>
        <translation>政策目录</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="85" />
        <source>By enterprise</source>
        <translation>按企业</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="86" />
        <source>Claims</source>
        <translation>兑现申请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="127" />
        <source>Matching enterprises against the policies…</source>
        <translation>正在按政策匹配企业…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="138" />
        <source>Every enterprise's matches are up to date.</source>
        <translation>全部企业的匹配结果已是最新。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="143" />
        <source>Matched %1 enterprises in %2 s: %3 qualifying, %4 need data.</source>
        <translation>已匹配 %1 家企业，用时 %2 秒：符合 %3 项次，待补数据 %4 项次。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="159" />
        <source>Matching enterprises…</source>
        <translation>正在匹配企业…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="vanished">政策编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="166" />
        <location filename="../ui/page.py" line="300" />
        <location filename="../ui/page.py" line="529" />
        <source>Policy</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="166" />
        <location filename="../ui/page.py" line="300" />
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="166" />
        <source>Qualifying</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="166" />
        <source>Need data</source>
        <translation>待补数据</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="167" />
        <source>Estimated total</source>
        <translation>预计总额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="179" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="179" />
        <location filename="../ui/page.py" line="529" />
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="179" />
        <location filename="../ui/page.py" line="300" />
        <source>Result</source>
        <translation>匹配结果</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="179" />
        <location filename="../ui/page.py" line="300" />
        <source>Estimated amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="180" />
        <location filename="../ui/page.py" line="301" />
        <source>Claim</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="289" />
        <source>Credit code or name of the enterprise</source>
        <translation>统一社会信用代码或企业名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="291" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="296" />
        <source>Choose an enterprise to see the policies it qualifies for.</source>
        <translation>请选择企业，查看它可享受的政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="325" />
        <source>Any policy: type part of its title</source>
        <translation>任一政策：输入政策名称中的几个字</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="335" />
        <source>Data and sources…</source>
        <translation>数据及来源…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="400" />
        <source>Find an enterprise first.</source>
        <translation>请先查找企业。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="446" />
        <source>Choose an enterprise, then pick a policy from the list.</source>
        <translation>请先选择企业，再从列表中选择政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="572" />
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>Any policy code, e.g. TAX-CONTRIB</source>
        <translation type="vanished">任一政策编号，如 TAX-CONTRIB</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="328" />
        <source>Why not?</source>
        <translation>为何不符合？</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="331" />
        <source>Apply for the selected policy</source>
        <translation>申请所选政策</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="369" />
        <source>No enterprise matches “%1”.</source>
        <translation>没有找到与“%1”相符的企业。</translation>
    </message>
    <message>
        <source>Choose an enterprise and type a policy code.</source>
        <translation type="vanished">请先选择企业，再输入政策编号。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="470" />
        <source>Choose a policy in the list first.</source>
        <translation>请先在列表中选择一项政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="512" />
        <source>Claim number, enterprise or policy code</source>
        <translation>申请编号、企业名称或政策编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="518" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="522" />
        <source>Open…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="529" />
        <source>Number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="vanished">年度</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="529" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="529" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="530" />
        <source>Estimated</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="530" />
        <source>Approved</source>
        <translation>核定金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="530" />
        <source>Last change</source>
        <translation>最近办理</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="88" />
        <source>Payout report</source>
        <translation>兑付报表</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="92" />
        <source>Month (YYYY-MM)</source>
        <translation>月份（YYYY-MM）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="95" />
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="96" />
        <source>Save XLSX…</source>
        <translation>保存 XLSX…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="97" />
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
    <name>SyncedTables</name>
    <message>
        <location filename="../__init__.py" line="61" />
        <source>Policy claim</source>
        <translation>兑现申请</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="63" />
        <location filename="../__init__.py" line="87" />
        <source>Policy</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="64" />
        <source>Estimated amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="65" />
        <source>Approved amount</source>
        <translation>核定金额</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="74" />
        <source>Step of a policy claim</source>
        <translation>兑现申请的办理环节</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="85" />
        <source>Payout</source>
        <translation>兑付</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="88" />
        <source>Paid on</source>
        <translation>兑付日期</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="89" />
        <source>Paid by</source>
        <translation>经办人</translation>
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