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
        <location filename="../ui/claim_dialog.py" line="307" />
        <source>Approve the claim %2 of %1 for %3, and set the amount to pay.</source>
        <translation>审核通过“%1”的申请 %2（%3），并核定兑付金额。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="310" />
        <source>Approve claim</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="310" />
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="315" />
        <source>Yuan, e.g. 1500 or 1500.50</source>
        <translation>单位元，如 1500 或 1500.50</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="316" />
        <source>Approved amount (yuan)</source>
        <translation>核定金额（元）</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="319" />
        <source>Needed only when the amount differs from the estimate</source>
        <translation>核定金额与预计金额不同时必填</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="320" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="322" />
        <source>Estimated by the rules</source>
        <translation>按规则预计</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="340" />
        <source>Type the approved amount in yuan, greater than zero, with at most two decimals.</source>
        <translation>请填写核定金额（元），须大于零，最多两位小数。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="342" />
        <source>The amount differs from the estimate: write the reason.</source>
        <translation>核定金额与预计金额不同，请写明理由。</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <location filename="../ui/award_dialog.py" line="152" />
        <source>Record the decision %1 awarding %2 to %3 (%4)? It is then shown publicly and paid once.</source>
        <translation>登记决定 %1：奖补“%3”（%4）%2？登记后进入公示，兑付只办理一次。</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="160" />
        <source>Record a case-by-case award</source>
        <translation>登记一事一议奖补</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="161" />
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="186" />
        <source>Case-by-case award %1</source>
        <translation>一事一议奖补 %1</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="203" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="203" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="203" />
        <source>Status after</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="203" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="203" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="217" />
        <source>Start public notice</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="218" />
        <location filename="../ui/award_dialog.py" line="313" />
        <source>Pay</source>
        <translation>兑付</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="219" />
        <source>Revoke…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="220" />
        <source>Payout notice PDF</source>
        <translation>兑付通知书 PDF</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="303" />
        <source>Revoke award</source>
        <translation>撤销奖补</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="304" />
        <source>Revoke the award %2 to %1 (%3)? It will not be paid.</source>
        <translation>撤销“%1”的一事一议奖补 %2（%3）？撤销后不再兑付。</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="305" />
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="306" />
        <source>Reason for revoking</source>
        <translation>撤销理由</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="314" />
        <source>Pay %3 to %1 under the decision %2? A payment cannot be undone.</source>
        <translation>按决定 %2 向“%1”兑付 %3？兑付后不能撤回。</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="315" />
        <source>Pay %3</source>
        <translation>兑付 %3</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="344" />
        <source>Writing the notice…</source>
        <translation>正在生成通知书…</translation>
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
        <location filename="../ui/claim_dialog.py" line="67" />
        <location filename="../ui/claim_dialog.py" line="207" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="68" />
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="69" />
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="70" />
        <source>Start public notice</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="71" />
        <location filename="../ui/claim_dialog.py" line="220" />
        <source>Pay</source>
        <translation>兑付</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="72" />
        <source>Draw a verifier…</source>
        <translation>随机抽取鉴证机构…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="73" />
        <source>Receipt PDF</source>
        <translation>申请回执 PDF</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="74" />
        <source>Payout notice PDF</source>
        <translation>兑付通知书 PDF</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="104" />
        <source>one-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="104" />
        <source>year %1</source>
        <translation>%1 年度</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="106" />
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — %3 (edition of %4, %5)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2） — %3（%4 版，%5）</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="115" />
        <source>estimated %1</source>
        <translation>预计 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="116" />
        <source>approved %1</source>
        <translation>核定 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="119" />
        <source>on public notice until %1</source>
        <translation>公示至 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="121" />
        <source>payout number %1</source>
        <translation>兑付编号 %1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="123" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="125" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="127" />
        <source>Receipt code: %1</source>
        <translation>回执查询码：%1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="129" />
        <source>Receipt code: made when the receipt is printed</source>
        <translation>回执查询码：打印回执时生成</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="133" />
        <source>Third-party verifier: %1</source>
        <translation>第三方鉴证机构：%1</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="193" />
        <source>Reject claim</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="194" />
        <source>Reject the claim %2 of %1 for %3 (%4)? The reason is told to the enterprise.</source>
        <translation>驳回“%1”的申请 %2（%3，%4）？理由将告知企业。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="195" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="196" />
        <source>Reason for rejecting</source>
        <translation>驳回理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="205" />
        <source>Accept with materials missing</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="206" />
        <source>Materials are missing from the claim %2 of %1. Accept it anyway on a promise?</source>
        <translation>“%1”的申请 %2 缺少材料。是否凭企业承诺容缺受理？</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="208" />
        <source>Reason for accepting anyway</source>
        <translation>容缺受理理由</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="221" />
        <source>Pay %4 to %1 for the claim %2 (%3)? A payment cannot be undone.</source>
        <translation>向“%1”兑付申请 %2（%3）的核定金额 %4？兑付后不能撤销。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="222" />
        <source>Pay %4</source>
        <translation>兑付 %4</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="228" />
        <source>Draw a verifier</source>
        <translation>抽取鉴证机构</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="229" />
        <source>Draw a verification agency at random for the claim %2 of %1.</source>
        <translation>为“%1”的申请 %2 随机抽取第三方鉴证机构。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="230" />
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="231" />
        <source>Witness text</source>
        <translation>见证文字</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="232" />
        <source>Type the witness text; it seeds the draw so anyone can re-check it.</source>
        <translation>请输入见证文字；抽取结果由它决定，任何人都可据此复核。</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="297" />
        <source>Writing the receipt…</source>
        <translation>正在生成回执…</translation>
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
        <location filename="../ui/claim_dialog.py" line="241" />
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <location filename="../ui/claim_dialog.py" line="279" />
        <source>Writing the notice…</source>
        <translation>正在生成通知书…</translation>
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
        <location filename="../__init__.py" line="198" />
        <source>Enterprises eligible for a policy</source>
        <translation>可享受政策的企业</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="205" />
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
    <name>FactsLoadDialog</name>
    <message>
        <location filename="../ui/outreach.py" line="59" />
        <source>Load department data</source>
        <translation>载入部门数据</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="61" />
        <source>Load a department's file (CSV or XLSX as it exports it) into enterprise data by a mapping. Rows with a problem load nothing and are listed with their reason; loading the same file again changes nothing.</source>
        <translation>按数据对照表把部门报送的文件（CSV 或 XLSX，按部门导出的原样）载入企业数据。有问题的行不载入，并列出原因；同一文件重复载入不会改变数据。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="65" />
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="71" />
        <source>The department's CSV or XLSX file</source>
        <translation>部门报送的 CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="72" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="79" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="84" />
        <source>Mapping</source>
        <translation>数据对照表</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="92" />
        <source>Save the problem list…</source>
        <translation>保存问题清单…</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="101" />
        <source>The department's file</source>
        <translation>部门报送的文件</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="101" />
        <source>Department data (*.csv *.xlsx)</source>
        <translation>部门数据 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="109" />
        <source>Choose the department's file first.</source>
        <translation>请先选择部门报送的文件。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="111" />
        <source>No mapping is available: ask the policy officer for one.</source>
        <translation>没有可用的数据对照表，请联系政策专员提供。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="139" />
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="146" />
        <source> Policies were matched again for %1 enterprises.</source>
        <translation>已为 %1 家数据有变化的企业重新匹配政策。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="151" />
        <source>Row %1 (%2): %3</source>
        <translation>第 %1 行（%2）：%3</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="167" />
        <source>Save the problem list</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="167" />
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../__init__.py" line="131" />
        <source>Policy fulfilment</source>
        <translation>惠企政策兑现</translation>
    </message>
</context>
<context>
    <name>NewAwardDialog</name>
    <message>
        <location filename="../ui/award_dialog.py" line="38" />
        <source>Record a case-by-case award</source>
        <translation>登记一事一议奖补</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="40" />
        <source>Record an award decided case by case (一事一议) as its decision document states it. It is shown publicly and paid like a claim; one decision number is paid once in the whole park.</source>
        <translation>按决定文件登记一事一议奖补。登记后与政策兑现一样公示、兑付；同一决定文号全园区只兑付一次。</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="43" />
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="47" />
        <source>Credit code or full name</source>
        <translation>统一社会信用代码或企业全称</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="48" />
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="51" />
        <source>As printed on the decision, e.g. 株高新管〔2026〕18号</source>
        <translation>按决定文件填写，如 株高新管〔2026〕18号</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="52" />
        <source>Decision number</source>
        <translation>决定文号</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="55" />
        <source>Yuan, e.g. 1500 or 1500.50</source>
        <translation>单位元，如 1500 或 1500.50</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="56" />
        <source>Amount (yuan)</source>
        <translation>奖补金额（元）</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="59" />
        <source>The department that decided</source>
        <translation>作出决定的部门</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="60" />
        <source>Deciding department</source>
        <translation>决定部门</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="65" />
        <source>Reason for the award</source>
        <translation>奖补事由</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="70" />
        <source>One paper per line, e.g. 会议纪要</source>
        <translation>每行一份，如 会议纪要</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="71" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="97" />
        <source>Type the enterprise's credit code or full name.</source>
        <translation>请填写企业的统一社会信用代码或企业全称。</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="99" />
        <source>Type the decision number as printed on the decision.</source>
        <translation>请按决定文件填写决定文号。</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="105" />
        <source>Type the department that decided the award.</source>
        <translation>请填写作出奖补决定的部门。</translation>
    </message>
    <message>
        <location filename="../ui/award_dialog.py" line="107" />
        <source>Write the reason for the award as the decision gives it.</source>
        <translation>请按决定文件填写奖补事由。</translation>
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
        <location filename="../ui/page.py" line="78" />
        <source>Load department data…</source>
        <translation>载入部门数据…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="89" />
        <source>Policies</source>
        <translation>政策目录</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="90" />
        <source>By enterprise</source>
        <translation>按企业</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="91" />
        <source>Claims</source>
        <translation>兑现申请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="92" />
        <source>Case-by-case awards</source>
        <translation>一事一议奖补</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="133" />
        <source>Matching enterprises against the policies…</source>
        <translation>正在按政策匹配企业…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="144" />
        <source>Every enterprise's matches are up to date.</source>
        <translation>全部企业的匹配结果已是最新。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="149" />
        <source>Matched %1 enterprises in %2 s: %3 qualifying, %4 need data.</source>
        <translation>已匹配 %1 家企业，用时 %2 秒：符合 %3 项次，待补数据 %4 项次。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="165" />
        <source>Matching enterprises…</source>
        <translation>正在匹配企业…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="vanished">政策编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <location filename="../ui/page.py" line="315" />
        <location filename="../ui/page.py" line="544" />
        <source>Policy</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <location filename="../ui/page.py" line="315" />
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <source>Qualifying</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <source>Need data</source>
        <translation>待补数据</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="173" />
        <source>Estimated total</source>
        <translation>预计总额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="185" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="185" />
        <location filename="../ui/page.py" line="544" />
        <location filename="../ui/page.py" line="670" />
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="185" />
        <location filename="../ui/page.py" line="315" />
        <source>Result</source>
        <translation>匹配结果</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="185" />
        <location filename="../ui/page.py" line="315" />
        <source>Estimated amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="186" />
        <location filename="../ui/page.py" line="316" />
        <source>Claim</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="206" />
        <source>Tell those who have not applied…</source>
        <translation>推送给未申请的企业…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="304" />
        <source>Credit code or name of the enterprise</source>
        <translation>统一社会信用代码或企业名称</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="306" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="311" />
        <source>Choose an enterprise to see the policies it qualifies for.</source>
        <translation>请选择企业，查看它可享受的政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="340" />
        <source>Any policy: type part of its title</source>
        <translation>任一政策：输入政策名称中的几个字</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="350" />
        <source>Data and sources…</source>
        <translation>数据及来源…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="415" />
        <source>Find an enterprise first.</source>
        <translation>请先查找企业。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="461" />
        <source>Choose an enterprise, then pick a policy from the list.</source>
        <translation>请先选择企业，再从列表中选择政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="587" />
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="647" />
        <source>Decision number, enterprise or record number</source>
        <translation>决定文号、企业名称或登记编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="658" />
        <source>Record a decision…</source>
        <translation>登记奖补决定…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="670" />
        <source>Decision number</source>
        <translation>决定文号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="670" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="670" />
        <source>Deciding department</source>
        <translation>决定部门</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="671" />
        <source>Notice until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="671" />
        <source>Record number</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Any policy code, e.g. TAX-CONTRIB</source>
        <translation type="vanished">任一政策编号，如 TAX-CONTRIB</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="343" />
        <source>Why not?</source>
        <translation>为何不符合？</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="346" />
        <source>Apply for the selected policy</source>
        <translation>申请所选政策</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="384" />
        <source>No enterprise matches “%1”.</source>
        <translation>没有找到与“%1”相符的企业。</translation>
    </message>
    <message>
        <source>Choose an enterprise and type a policy code.</source>
        <translation type="vanished">请先选择企业，再输入政策编号。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="485" />
        <source>Choose a policy in the list first.</source>
        <translation>请先在列表中选择一项政策。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="527" />
        <source>Claim number, enterprise or policy code</source>
        <translation>申请编号、企业名称或政策编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="533" />
        <location filename="../ui/page.py" line="654" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="537" />
        <location filename="../ui/page.py" line="662" />
        <source>Open…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="544" />
        <source>Number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="vanished">年度</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="544" />
        <location filename="../ui/page.py" line="671" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="544" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="545" />
        <source>Estimated</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="545" />
        <source>Approved</source>
        <translation>核定金额</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="545" />
        <source>Last change</source>
        <translation>最近办理</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <location filename="../ui/outreach.py" line="181" />
        <source>%1 enterprises qualify for “%2” and have not applied.</source>
        <translation>%1 家企业符合“%2”的条件且尚未申请。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="186" />
        <source> %1 more were already told this period and are left out.</source>
        <translation>另有 %1 家本期已推送过，未列入。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="187" />
        <location filename="../ui/outreach.py" line="248" />
        <location filename="../ui/outreach.py" line="271" />
        <source>Tell qualifying enterprises</source>
        <translation>主动推送政策</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="187" />
        <source>Write and record…</source>
        <translation>生成并记录…</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="189" />
        <source>Letters to print (PDF)</source>
        <translation>打印用的提示函（PDF）</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="192" />
        <source>List for SMS or the WeChat account (CSV)</source>
        <translation>短信或公众号推送名单（CSV）</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="195" />
        <source>Include those already told this period</source>
        <translation>包括本期已推送过的企业（再次推送）</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="200" />
        <source>Write</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="203" />
        <source>Into the folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="208" />
        <source>Choose the letters, the list or both.</source>
        <translation>请选择生成提示函、推送名单或两者。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="210" />
        <source>The folder does not exist: choose an existing one.</source>
        <translation>文件夹不存在，请选择已有的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="212" />
        <source>Nobody to tell: every qualifying enterprise has applied or was told already.</source>
        <translation>没有需要推送的企业：符合条件的企业都已申请或已推送过。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="242" />
        <source>Record the notice of “%1” to the enterprises listed and write the files? It is kept on record.</source>
        <translation>为“%1”向所列企业推送并生成文件？推送将记录在案。</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="250" />
        <source>Write and record</source>
        <translation>生成并记录</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="272" />
        <source>Recorded. Written:</source>
        <translation>已记录。已生成：</translation>
    </message>
    <message>
        <location filename="../ui/outreach.py" line="275" />
        <source>Writing…</source>
        <translation>正在生成…</translation>
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
        <location filename="../__init__.py" line="89" />
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
        <location filename="../__init__.py" line="87" />
        <source>Payout</source>
        <translation>兑付</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="90" />
        <source>Paid on</source>
        <translation>兑付日期</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="91" />
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