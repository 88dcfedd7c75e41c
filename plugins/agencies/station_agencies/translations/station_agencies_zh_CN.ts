<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgenciesPage</name>
    <message>
        <location filename="../ui/page.py" line="43" />
        <location filename="../ui/page.py" line="54" />
        <source>Agency</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="44" />
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="45" />
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="46" />
        <source>Score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="47" />
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="48" />
        <location filename="../ui/page.py" line="56" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="51" />
        <location filename="../ui/page.py" line="61" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="52" />
        <location filename="../ui/page.py" line="175" />
        <source>Enterprise</source>
        <translation>委托企业</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="53" />
        <location filename="../ui/page.py" line="62" />
        <location filename="../ui/page.py" line="146" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="55" />
        <source>Selection</source>
        <translation>选取方式</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="57" />
        <location filename="../ui/page.py" line="335" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="58" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="63" />
        <source>Drawn agency</source>
        <translation>中选机构</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="64" />
        <source>Candidates</source>
        <translation>候选数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="65" />
        <source>Excluded</source>
        <translation>排除数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="66" />
        <source>Drawn at</source>
        <translation>抽取时间</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="67" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="73" />
        <source>Not enough ratings</source>
        <translation>评价不足</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="96" />
        <source>Intermediary marketplace</source>
        <translation>中介超市</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="98" />
        <source>Agencies and stars</source>
        <translation>机构与星级</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="99" />
        <location filename="../ui/page.py" line="526" />
        <source>Commissions</source>
        <translation>服务委托</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="100" />
        <source>Draws</source>
        <translation>抽取记录</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="130" />
        <source>All service types</source>
        <translation>全部服务类型</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="141" />
        <source>Evaluation report (PDF)…</source>
        <translation>星级评价报告（PDF）…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="148" />
        <source>Evaluation period</source>
        <translation>评价期间</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="175" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="175" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="175" />
        <source>Detail</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="175" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="182" />
        <source>Set rating aside as abusive…</source>
        <translation>认定为不当评价…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="191" />
        <source>Blue: this agency (weighted towards the park mean); grey: park mean</source>
        <translation>蓝色：本机构（向园区平均值加权）；灰色：园区平均</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="198" />
        <source>Register agency…</source>
        <translation>登记机构…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="199" />
        <source>Qualification…</source>
        <translation>登记资质…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="200" />
        <source>Suspend or blacklist…</source>
        <translation>暂停或列入黑名单…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="201" />
        <source>Close a quarter…</source>
        <translation>季度星级结算…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="215" />
        <source>Agencies by star level</source>
        <translation>各星级机构数</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="243" />
        <source>%1, may be invited</source>
        <translation>%1，可直接邀请</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="257" />
        <source>Too few</source>
        <translation>评价不足</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="266" />
        <source>%1 agencies</source>
        <translation>共 %1 家</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="317" />
        <source>Qualifications: %1</source>
        <translation>资质：%1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="319" />
        <source>In %1 draw pools, drawn %2 times</source>
        <translation>进入抽取候选名单 %1 次，中选 %2 次</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="322" />
        <source>Quarters closed: %1</source>
        <translation>季度结算：%1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="333" />
        <source>Set aside: %1</source>
        <translation>已认定为不当评价：%1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="337" />
        <source>Commission</source>
        <translation>委托</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="353" />
        <location filename="../ui/page.py" line="360" />
        <source>Set aside</source>
        <translation>不当评价</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="353" />
        <source>Select a rating in the history first.</source>
        <translation>请先在记录中选中一条评价。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="361" />
        <source>Set aside the rating %1 gave %2 on %3 as abusive? It will no longer count towards the stars.</source>
        <translation>将“%1”于 %3 对“%2”的评价认定为恶意评价并撤销？撤销后不再计入星级。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="365" />
        <source>Set the rating aside</source>
        <translation>撤销该评价</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="366" />
        <source>Why is it abusive</source>
        <translation>认定恶意评价的理由</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="384" />
        <location filename="../ui/page.py" line="391" />
        <location filename="../ui/page.py" line="412" />
        <source>Close a quarter</source>
        <translation>季度星级结算</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="384" />
        <source>Quarter to close (e.g. %1)</source>
        <translation>要结算的季度（如 %1）</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="393" />
        <source>Close %1? Each agency's stars for %1 are recorded and the park's rules applied: agencies at the lowest level for the quarters the rules name are suspended from draws, five-star agencies may be invited directly. This is done once per quarter.</source>
        <translation>结算 %1 的星级？将记录各机构 %1 的星级并执行园区规则：按规则连续多个季度评为最低星级的机构暂停参与随机抽取，五星机构可被直接邀请。每个季度只结算一次。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="397" />
        <source>Close %1</source>
        <translation>结算 %1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="411" />
        <source>%1 is closed.</source>
        <translation>%1 星级已结算。</translation>
    </message>
    <message>
        <source>Why is this rating abusive?</source>
        <translation type="vanished">认定这条评价为不当评价的理由：</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="423" />
        <source>Agencies</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="423" />
        <source>Select an agency first.</source>
        <translation>请先选中一家机构。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="439" />
        <location filename="../ui/page.py" line="447" />
        <source>Agency status</source>
        <translation>机构状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="448" />
        <source>Mark %1 as %2? It can no longer be commissioned or drawn.</source>
        <translation>将“%1”设为“%2”？设定后不能再被委托或抽取。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="452" />
        <source>Reason (kept on record)</source>
        <translation>原因（将记录在案）</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="471" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="480" />
        <source>New commission…</source>
        <translation>新建委托…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="481" />
        <source>Agency accepts</source>
        <translation>机构接受委托</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="482" />
        <source>Deliverables…</source>
        <translation>提交成果…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="483" />
        <source>Enterprise confirms completion…</source>
        <translation>企业确认完成…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="490" />
        <source>Rate…</source>
        <translation>录入评价…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="526" />
        <source>Select a commission first.</source>
        <translation>请先选中一项委托。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="551" />
        <source>Deliverables handed in by the agency</source>
        <translation>机构提交的成果文件</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="562" />
        <source>Confirm completion</source>
        <translation>确认完成</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="562" />
        <source>Name of the enterprise's representative who confirms</source>
        <translation>确认完成的企业代表姓名：</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="593" />
        <source>Random draw…</source>
        <translation>随机抽取…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="597" />
        <source>Re-check the selected draw</source>
        <translation>复核选中的抽取</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="665" />
        <source>Draw %1 re-checked: the same agency, %2.</source>
        <translation>抽取 %1 复核一致：重新抽取得到同一家机构“%2”。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="667" />
        <source>Draw %1 does NOT match its record: %2</source>
        <translation>抽取 %1 复核不一致：%2</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="680" />
        <source>Save evaluation report</source>
        <translation>保存星级评价报告</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="694" />
        <source>Evaluation report</source>
        <translation>星级评价报告</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="696" />
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="442" />
        <source>Register an agency</source>
        <translation>登记入驻中介机构</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="446" />
        <source>Agency name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="447" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="448" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="449" />
        <source>Related parties (credit codes, comma-separated)</source>
        <translation>关联方（统一社会信用代码，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="450" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="451" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="464" />
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="228" />
        <source>New commission</source>
        <translation>新建中介服务委托</translation>
    </message>
    <message>
        <source>Credit code of the commissioning enterprise</source>
        <translation type="vanished">委托企业的统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="231" />
        <source>Name or credit code of the commissioning enterprise</source>
        <translation>委托企业的名称或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="249" />
        <source>Yuan, e.g. 35000</source>
        <translation>单位：元，如 35000</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="252" />
        <source>Random draw (witnessed at the window)</source>
        <translation>随机抽取（窗口现场见证）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="253" />
        <source>Chosen directly by the enterprise</source>
        <translation>企业直接选取</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="260" />
        <source>Invited under the park's star rule (small commission)</source>
        <translation>按园区星级规则直接邀请（小额委托）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="270" />
        <source>Enterprise</source>
        <translation>委托企业</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="271" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="272" />
        <source>Also, in one commission</source>
        <translation>同时委托（一次委托）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="273" />
        <source>Scope of the service</source>
        <translation>服务内容和范围</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="274" />
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="275" />
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="276" />
        <source>Selection</source>
        <translation>选取方式</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="277" />
        <source>Agency</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="326" />
        <source>The budget is not an amount: write it like 35000 or 35000.50.</source>
        <translation>预算不是金额，请写成 35000 或 35000.50。</translation>
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
        <location filename="../ui/dialogs.py" line="58" />
        <source>Random draw of an agency</source>
        <translation>随机抽取中介机构</translation>
    </message>
    <message>
        <source>Credit code of the commissioning enterprise</source>
        <translation type="vanished">委托企业的统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="63" />
        <source>Name or credit code of the commissioning enterprise</source>
        <translation>委托企业的名称或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="75" />
        <source>Commission: %1</source>
        <translation>委托：%1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="79" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="80" />
        <source>Enterprise</source>
        <translation>委托企业</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="81" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="83" />
        <source>1. Fix the candidate list</source>
        <translation>第一步：固定候选名单</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="91" />
        <source>Candidates and exclusions</source>
        <translation>候选机构与排除情况</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="101" />
        <source>Any number, typed by the person themselves</source>
        <translation>任意数字，由本人亲自输入</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="108" />
        <source>2. Number typed by the enterprise's representative</source>
        <translation>第二步：企业代表输入的数字</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="109" />
        <source>Number typed by the clerk</source>
        <translation>窗口人员输入的数字</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="111" />
        <source>3. Draw</source>
        <translation>第三步：抽取</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="147" />
        <source>Candidate: %1 (certificate %2, valid until %3)</source>
        <translation>候选：%1（资质证书 %2，有效期至 %3）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="151" />
        <source>Excluded: %1 — %2</source>
        <translation>排除：%1 —— %2</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="153" />
        <source>%1 candidates. List hash (show it before anyone types): %2</source>
        <translation>候选 %1 家。名单哈希（请在输入数字前向双方展示）：%2</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="206" />
        <source>Draw %1: %2 is drawn. Seed %3.</source>
        <translation>抽取 %1：中选机构为“%2”。种子 %3。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="209" />
        <source>Commission %1 registered.</source>
        <translation>已登记委托 %1。</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../__init__.py" line="146" />
        <source>Intermediary marketplace</source>
        <translation>中介超市</translation>
    </message>
</context>
<context>
    <name>QualificationDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="502" />
        <source>Qualification of %1</source>
        <translation>%1的资质证书</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="510" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="511" />
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="512" />
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="513" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../ui/dialogs.py" line="367" />
        <source>Rate commission %1</source>
        <translation>评价委托 %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="373" />
        <source>Enterprise (credit code)</source>
        <translation>委托企业（统一社会信用代码）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="374" />
        <source>Enterprise's representative</source>
        <translation>企业代表</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="385" />
        <source>Agency rated</source>
        <translation>评价的机构</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="391" />
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="397" />
        <source>Comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="403" />
        <source>Only the commissioning enterprise rates, once per completed commission.</source>
        <translation>只有委托企业可以评价，每项已完成的委托评价一次。</translation>
    </message>
</context>
</TS>