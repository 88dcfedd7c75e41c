<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgenciesPage</name>
    <message>
        <location filename="../ui/page.py" line="40" />
        <location filename="../ui/page.py" line="51" />
        <source>Agency</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="41" />
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="42" />
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="43" />
        <source>Score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="44" />
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="45" />
        <location filename="../ui/page.py" line="53" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="48" />
        <location filename="../ui/page.py" line="58" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="49" />
        <location filename="../ui/page.py" line="172" />
        <source>Enterprise</source>
        <translation>委托企业</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="50" />
        <location filename="../ui/page.py" line="59" />
        <location filename="../ui/page.py" line="143" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="52" />
        <source>Selection</source>
        <translation>选取方式</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="54" />
        <location filename="../ui/page.py" line="340" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="55" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="60" />
        <source>Drawn agency</source>
        <translation>中选机构</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="61" />
        <source>Candidates</source>
        <translation>候选数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="62" />
        <source>Excluded</source>
        <translation>排除数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="63" />
        <source>Drawn at</source>
        <translation>抽取时间</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="64" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="70" />
        <source>Not enough ratings</source>
        <translation>评价不足</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="93" />
        <source>Intermediary marketplace</source>
        <translation>中介超市</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="95" />
        <source>Agencies and stars</source>
        <translation>机构与星级</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="96" />
        <location filename="../ui/page.py" line="540" />
        <source>Commissions</source>
        <translation>服务委托</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="97" />
        <source>Draws</source>
        <translation>抽取记录</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="127" />
        <source>All service types</source>
        <translation>全部服务类型</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="138" />
        <source>Evaluation report (PDF)…</source>
        <translation>星级评价报告（PDF）…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="145" />
        <source>Evaluation period</source>
        <translation>评价期间</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <source>Detail</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="172" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="179" />
        <source>Set rating aside as abusive…</source>
        <translation>认定为不当评价…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="188" />
        <source>Blue: this agency (weighted towards the park mean); grey: park mean</source>
        <translation>蓝色：本机构（向园区平均值加权）；灰色：园区平均</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="195" />
        <source>Register agency…</source>
        <translation>登记机构…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="196" />
        <source>Qualification…</source>
        <translation>登记资质…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="197" />
        <source>Suspend or blacklist…</source>
        <translation>暂停或列入黑名单…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="198" />
        <source>Close a quarter…</source>
        <translation>季度星级结算…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="212" />
        <source>Agencies by star level</source>
        <translation>各星级机构数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="240" />
        <source>%1, may be invited</source>
        <translation>%1，可直接邀请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="243" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="254" />
        <source>Too few</source>
        <translation>评价不足</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="263" />
        <source>%1 agencies</source>
        <translation>共 %1 家</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="312" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="313" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="314" />
        <source>%1 %2, expired %3</source>
        <translation>%1 %2，已于 %3 过期</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="314" />
        <source>%1 %2, valid until %3</source>
        <translation>%1 %2，有效期至 %3</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="322" />
        <source>Qualifications: %1</source>
        <translation>资质：%1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="324" />
        <source>In %1 draw pools, drawn %2 times</source>
        <translation>进入抽取候选名单 %1 次，中选 %2 次</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="327" />
        <source>Quarters closed: %1</source>
        <translation>季度结算：%1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="338" />
        <source>Set aside: %1</source>
        <translation>已认定为不当评价：%1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="352" />
        <source>Commission</source>
        <translation>委托</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="368" />
        <location filename="../ui/page.py" line="374" />
        <source>Set aside</source>
        <translation>不当评价</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="368" />
        <source>Select a rating in the history first.</source>
        <translation>请先在记录中选中一条评价。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="375" />
        <source>Set aside the rating %1 gave %2 on %3 as abusive? It will no longer count towards the stars.</source>
        <translation>将“%1”于 %3 对“%2”的评价认定为恶意评价并撤销？撤销后不再计入星级。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="379" />
        <source>Set the rating aside</source>
        <translation>撤销该评价</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="380" />
        <source>Why is it abusive</source>
        <translation>认定恶意评价的理由</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="398" />
        <location filename="../ui/page.py" line="405" />
        <location filename="../ui/page.py" line="426" />
        <source>Close a quarter</source>
        <translation>季度星级结算</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="398" />
        <source>Quarter to close (e.g. %1)</source>
        <translation>要结算的季度（如 %1）</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="407" />
        <source>Close %1? Each agency's stars for %1 are recorded and the park's rules applied: agencies at the lowest level for the quarters the rules name are suspended from draws, five-star agencies may be invited directly. This is done once per quarter.</source>
        <translation>结算 %1 的星级？将记录各机构 %1 的星级并执行园区规则：按规则连续多个季度评为最低星级的机构暂停参与随机抽取，五星机构可被直接邀请。每个季度只结算一次。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="411" />
        <source>Close %1</source>
        <translation>结算 %1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="425" />
        <source>%1 is closed.</source>
        <translation>%1 星级已结算。</translation>
    </message>
    <message>
        <source>Why is this rating abusive?</source>
        <translation type="vanished">认定这条评价为不当评价的理由：</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="437" />
        <source>Agencies</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="437" />
        <source>Select an agency first.</source>
        <translation>请先选中一家机构。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="453" />
        <location filename="../ui/page.py" line="461" />
        <source>Agency status</source>
        <translation>机构状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="462" />
        <source>Mark %1 as %2? It can no longer be commissioned or drawn.</source>
        <translation>将“%1”设为“%2”？设定后不能再被委托或抽取。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="466" />
        <source>Reason (kept on record)</source>
        <translation>原因（将记录在案）</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="485" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="494" />
        <source>New commission…</source>
        <translation>新建委托…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="495" />
        <source>Agency accepts</source>
        <translation>机构接受委托</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="496" />
        <source>Deliverables…</source>
        <translation>提交成果…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="497" />
        <source>Enterprise confirms completion…</source>
        <translation>企业确认完成…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="504" />
        <source>Rate…</source>
        <translation>录入评价…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="540" />
        <source>Select a commission first.</source>
        <translation>请先选中一项委托。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="565" />
        <source>Deliverables handed in by the agency</source>
        <translation>机构提交的成果文件</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="576" />
        <source>Confirm completion</source>
        <translation>确认完成</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="576" />
        <source>Name of the enterprise's representative who confirms</source>
        <translation>确认完成的企业代表姓名：</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="607" />
        <source>Random draw…</source>
        <translation>随机抽取…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="611" />
        <source>Re-check the selected draw</source>
        <translation>复核选中的抽取</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="679" />
        <source>Draw %1 re-checked: the same agency, %2.</source>
        <translation>抽取 %1 复核一致：重新抽取得到同一家机构“%2”。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="681" />
        <source>Draw %1 does NOT match its record: %2</source>
        <translation>抽取 %1 复核不一致：%2</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="694" />
        <source>Save evaluation report</source>
        <translation>保存星级评价报告</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="708" />
        <source>Evaluation report</source>
        <translation>星级评价报告</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="710" />
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="450" />
        <source>Register an agency</source>
        <translation>登记入驻中介机构</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="454" />
        <source>Agency name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="455" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="456" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="457" />
        <source>Related parties (credit codes, comma-separated)</source>
        <translation>关联方（统一社会信用代码，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="458" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="459" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="472" />
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
</context>
<context>
    <name>AgencyNames</name>
    <message>
        <location filename="../ui/names.py" line="18" />
        <source>Construction cost consulting</source>
        <translation>工程造价咨询</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="19" />
        <source>Asset appraisal</source>
        <translation>资产评估</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="20" />
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="21" />
        <source>Environmental impact assessment</source>
        <translation>环境影响评价</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="22" />
        <source>Safety assessment</source>
        <translation>安全评价</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="23" />
        <source>Surveying and mapping</source>
        <translation>测绘</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="24" />
        <source>Construction supervision</source>
        <translation>工程监理</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="25" />
        <source>Legal services</source>
        <translation>法律服务</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="26" />
        <source>Tax agency</source>
        <translation>税务代理</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="27" />
        <source>Energy-saving assessment</source>
        <translation>节能评估</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="28" />
        <source>Soil and water conservation plan</source>
        <translation>水土保持方案编制</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="29" />
        <source>Engineering design</source>
        <translation>工程设计</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="32" />
        <source>Quality of service</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="33" />
        <source>Timeliness</source>
        <translation>服务时效</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="34" />
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="35" />
        <source>Fees</source>
        <translation>服务收费</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="36" />
        <source>Compliance with the rules</source>
        <translation>服务规范</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="39" />
        <source>In good standing</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="40" />
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="41" />
        <source>Blacklisted</source>
        <translation>列入黑名单</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="44" />
        <source>Agency chosen</source>
        <translation>已选定机构</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="45" />
        <source>Accepted by the agency</source>
        <translation>机构已接受</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="46" />
        <source>Work delivered</source>
        <translation>成果已提交</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="47" />
        <source>Completion confirmed by the enterprise</source>
        <translation>企业已确认完成</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="48" />
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="236" />
        <source>New commission</source>
        <translation>新建中介服务委托</translation>
    </message>
    <message>
        <source>Credit code of the commissioning enterprise</source>
        <translation type="vanished">委托企业的统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="239" />
        <source>Name or credit code of the commissioning enterprise</source>
        <translation>委托企业的名称或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="257" />
        <source>Yuan, e.g. 35000</source>
        <translation>单位：元，如 35000</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="260" />
        <source>Random draw (witnessed at the window)</source>
        <translation>随机抽取（窗口现场见证）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="261" />
        <source>Chosen directly by the enterprise</source>
        <translation>企业直接选取</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="268" />
        <source>Invited under the park's star rule (small commission)</source>
        <translation>按园区星级规则直接邀请（小额委托）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="278" />
        <source>Enterprise</source>
        <translation>委托企业</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="279" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="280" />
        <source>Also, in one commission</source>
        <translation>同时委托（一次委托）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="281" />
        <source>Scope of the service</source>
        <translation>服务内容和范围</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="282" />
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="283" />
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="284" />
        <source>Selection</source>
        <translation>选取方式</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="285" />
        <source>Agency</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="334" />
        <source>The budget is not an amount: write it like 35000 or 35000.50.</source>
        <translation>预算不是金额，请写成 35000 或 35000.50。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../__init__.py" line="189" />
        <source>Intermediaries in the marketplace</source>
        <translation>入驻中介机构</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="196" />
        <source>Commissions under way</source>
        <translation>进行中的中介委托</translation>
    </message>
</context>
<context>
    <name>DimensionBars</name>
    <message>
        <location filename="../ui/charts.py" line="34" />
        <source>No ratings in this period</source>
        <translation>本期间没有评价</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="60" />
        <source>Random draw of an agency</source>
        <translation>随机抽取中介机构</translation>
    </message>
    <message>
        <source>Credit code of the commissioning enterprise</source>
        <translation type="vanished">委托企业的统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="65" />
        <source>Name or credit code of the commissioning enterprise</source>
        <translation>委托企业的名称或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="77" />
        <source>Commission: %1</source>
        <translation>委托：%1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="81" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="82" />
        <source>Enterprise</source>
        <translation>委托企业</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="83" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="85" />
        <source>1. Fix the candidate list</source>
        <translation>第一步：固定候选名单</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="93" />
        <source>Candidates and exclusions</source>
        <translation>候选机构与排除情况</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="103" />
        <source>Any number, typed by the person themselves</source>
        <translation>任意数字，由本人亲自输入</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="110" />
        <source>2. Number typed by the enterprise's representative</source>
        <translation>第二步：企业代表输入的数字</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="111" />
        <source>Number typed by the clerk</source>
        <translation>窗口人员输入的数字</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="113" />
        <source>3. Draw</source>
        <translation>第三步：抽取</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="153" />
        <source>Candidate: %1 (certificate %2, valid until %3)</source>
        <translation>候选：%1（资质证书 %2，有效期至 %3）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="157" />
        <source>Excluded: %1 — %2</source>
        <translation>排除：%1 —— %2</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="159" />
        <source>%1 candidates. List hash (show it before anyone types): %2</source>
        <translation>候选 %1 家。名单哈希（请在输入数字前向双方展示）：%2</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="212" />
        <source>Draw %1: %2 is drawn. Seed %3.</source>
        <translation>抽取 %1：中选机构为“%2”。种子 %3。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="215" />
        <source>Commission %1 registered.</source>
        <translation>已登记委托 %1。</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../__init__.py" line="139" />
        <source>Intermediary marketplace</source>
        <translation>中介超市</translation>
    </message>
</context>
<context>
    <name>QualificationDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="498" />
        <source>Qualification of %1</source>
        <translation>%1的资质证书</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="505" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="506" />
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="507" />
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="508" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="375" />
        <source>Rate commission %1</source>
        <translation>评价委托 %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="381" />
        <source>Enterprise (credit code)</source>
        <translation>委托企业（统一社会信用代码）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="382" />
        <source>Enterprise's representative</source>
        <translation>企业代表</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="393" />
        <source>Agency rated</source>
        <translation>评价的机构</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="399" />
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="405" />
        <source>Comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="411" />
        <source>Only the commissioning enterprise rates, once per completed commission.</source>
        <translation>只有委托企业可以评价，每项已完成的委托评价一次。</translation>
    </message>
</context>
<context>
    <name>SyncedTables</name>
    <message>
        <location filename="../__init__.py" line="39" />
        <source>Intermediary</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="56" />
        <source>Commission</source>
        <translation>委托</translation>
    </message>
</context>
</TS>