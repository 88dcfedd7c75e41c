<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../ui/case_dialog.py" line="49" />
        <source>Startup case</source>
        <translation>企业开办件</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="59" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="59" />
        <source>Department</source>
        <translation>负责部门</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="59" />
        <location filename="../ui/case_dialog.py" line="68" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="59" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="59" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="68" />
        <source>Paper</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="68" />
        <source>Commitment</source>
        <translation>容缺承诺</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="77" />
        <source>Step done</source>
        <translation>环节办结</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="80" />
        <source>Step blocked…</source>
        <translation>标记受阻…</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="82" />
        <source>Paper brought in</source>
        <translation>登记材料已补交</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="84" />
        <source>Assign helper agent…</source>
        <translation>指派帮办代办专员…</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="90" />
        <source>Rating screen…</source>
        <translation>评价器…</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="94" />
        <source>Answer bad rating…</source>
        <translation>处理差评…</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="105" />
        <source>Papers to print:</source>
        <translation>打印文书：</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="107" />
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="108" />
        <source>Application form</source>
        <translation>设立登记申请书</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="109" />
        <source>Articles of association</source>
        <translation>公司章程</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="110" />
        <source>Shareholders' resolution</source>
        <translation>股东决定/股东会决议</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="122" />
        <source>Five parallel steps</source>
        <translation>五个并联环节</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="125" />
        <source>Papers</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="150" />
        <source>&lt;b&gt;%1&lt;/b&gt;　%2 (%3)　&lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;　%2（%3）　&lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="150" />
        <source>Legal representative: %1; registered capital: %2 (10k yuan); credit code: %3</source>
        <translation>法定代表人：%1　注册资本：%2 万元　统一社会信用代码：%3</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="154" />
        <source>Accepted %1; time limit %2; deadline %3</source>
        <translation>受理时间 %1　办结时限 %2　截止 %3</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="158" />
        <source>Clerk: %1; helper agent: %2; tracking code: %3</source>
        <translation>办事员：%1　帮办代办专员：%2　查询码：%3</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="162" />
        <source>Ratings: %1</source>
        <translation>好差评：%1</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="162" />
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="172" />
        <source>%1 (late, %2)</source>
        <translation>%1（超时，%2 办结）</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="222" />
        <source>This case type has no such paper.</source>
        <translation>这种开办类型没有这份文书。</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="229" />
        <source>Filling in the paper…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="236" />
        <source>Select a step first.</source>
        <translation>请先选中一个环节。</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="271" />
        <source>Business registration</source>
        <translation>设立登记</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="272" />
        <source>Unified social credit code on the business licence issued by the market regulator:</source>
        <translation>营业执照上市场监督管理部门核发的统一社会信用代码：</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="286" />
        <source>Mark the step %1 of %2 (%3) as blocked. The reason shows on the board.</source>
        <translation>将“%2”（%3）的“%1”环节标记为受阻。理由会显示在看板上。</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="290" />
        <source>Mark blocked</source>
        <translation>标记受阻</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="291" />
        <source>Why is it blocked</source>
        <translation>受阻原因</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="366" />
        <source>Helper agent for %1:</source>
        <translation>为“%1”指定帮办代办专员：</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="396" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="400" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="402" />
        <source>%1 (%2 done)</source>
        <translation>%1（已%2）</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="404" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Credit code given by the market-regulation system (leave empty to assign one):</source>
        <translation type="vanished">市场监管系统核发的统一社会信用代码（留空则按规则赋码）：</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="285" />
        <source>Step blocked</source>
        <translation>环节受阻</translation>
    </message>
    <message>
        <source>Why is this step blocked?</source>
        <translation type="vanished">受阻原因：</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="308" />
        <source>Select a deferred paper first.</source>
        <translation>请先选中一项容缺待补的材料。</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="333" />
        <source>%1 of the %2 rating of “%3” (kept on record):</source>
        <translation>“%3”环节%2评价的%1情况（记入档案）：</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="339" />
        <source>Answer bad rating</source>
        <translation>处理差评</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="361" />
        <source>(nobody)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <location filename="../ui/case_dialog.py" line="365" />
        <source>Helper agent</source>
        <translation>帮办代办专员</translation>
    </message>
    <message>
        <source>User name of the helper agent:</source>
        <translation type="vanished">帮办代办专员的用户名：</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../__init__.py" line="189" />
        <source>%1 working hours</source>
        <translation>%1 工作小时</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="210" />
        <source>%1 (%2 ratings)</source>
        <translation>%1（%2 条评价）</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="233" />
        <source>Satisfied ratings this month</source>
        <translation>本月好差评满意率</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="238" />
        <source>Bad ratings to answer</source>
        <translation>待整改的差评</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="242" />
        <source>Cases this month</source>
        <translation>本月开办件</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="246" />
        <source>Median time to open this month</source>
        <translation>本月开办用时中位数</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="251" />
        <source>Finished on time this month</source>
        <translation>本月按时办结率</translation>
    </message>
</context>
<context>
    <name>DatesPicker</name>
    <message>
        <location filename="../ui/settings.py" line="107" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>HoursPicker</name>
    <message>
        <location filename="../ui/settings.py" line="66" />
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="70" />
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="79" />
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../ui/intake.py" line="45" />
        <source>New startup case</source>
        <translation>受理企业开办</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="56" />
        <source>Case type</source>
        <translation>开办类型</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="59" />
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="60" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="61" />
        <source>Registered capital (10k yuan)</source>
        <translation>注册资本（万元）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="62" />
        <source>Address</source>
        <translation>住所（经营场所）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="63" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Helper agent (user name, optional)</source>
        <translation type="vanished">帮办代办专员（用户名，可不填）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="71" />
        <source>Check name</source>
        <translation>名称查重</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="84" />
        <source>(nobody)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="85" />
        <source>Helper agent (optional)</source>
        <translation>帮办代办专员（可不选）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="90" />
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="98" />
        <source>Shareholder</source>
        <translation>股东（出资人）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="98" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="98" />
        <source>Subscribed capital (10k yuan)</source>
        <translation>认缴出资（万元）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="102" />
        <source>Add shareholder</source>
        <translation>添加股东</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="107" />
        <source>Paper</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="107" />
        <source>Received?</source>
        <translation>收取情况</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="107" />
        <source>Bring by</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="115" />
        <source>Accept the case</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="123" />
        <source>Shareholders</source>
        <translation>股东（出资人）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="126" />
        <source>Papers</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="141" />
        <source> (essential)</source>
        <translation>（必备）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="144" />
        <source>Filled in by the station</source>
        <translation>系统生成（零填表）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="148" />
        <source>Missing</source>
        <translation>未收</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="149" />
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="151" />
        <source>Deferred on a written commitment</source>
        <translation>容缺（书面承诺补交）</translation>
    </message>
    <message>
        <location filename="../ui/intake.py" line="217" />
        <source>No registered enterprise or open case has this name.</source>
        <translation>没有同名的已登记企业或在办开办件。</translation>
    </message>
</context>
<context>
    <name>LimitPicker</name>
    <message>
        <location filename="../ui/settings.py" line="43" />
        <source>working hours</source>
        <translation>工作小时</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="44" />
        <source>working days</source>
        <translation>工作日</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../__init__.py" line="40" />
        <source>Business startup</source>
        <translation>企业开办</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../ui/rating_screen.py" line="47" />
        <source>Rate our service</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location filename="../ui/rating_screen.py" line="51" />
        <source>Please rate our service</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../ui/rating_screen.py" line="54" />
        <source>Case %1　%2</source>
        <translation>受理编号 %1　%2</translation>
    </message>
    <message>
        <location filename="../ui/rating_screen.py" line="64" />
        <source>Which part of the service:</source>
        <translation>评价环节：</translation>
    </message>
    <message>
        <location filename="../ui/rating_screen.py" line="89" />
        <source>Anything to tell us (optional)</source>
        <translation>您的意见和建议（可不填）</translation>
    </message>
    <message>
        <location filename="../ui/rating_screen.py" line="90" />
        <source>Submit rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location filename="../ui/rating_screen.py" line="115" />
        <source>Every part of this case has been rated. Thank you!</source>
        <translation>本件各环节都已评价，感谢您的支持！</translation>
    </message>
    <message>
        <location filename="../ui/rating_screen.py" line="144" />
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings.py" line="136" />
        <source>Startup time limits and working calendar</source>
        <translation>企业开办时限与工作日历</translation>
    </message>
    <message>
        <source>4h = 4 working hours, 1d = 1 working day</source>
        <translation type="vanished">4h 表示4个工作小时，1d 表示1个工作日</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="148" />
        <source>Yellow when less time is left than</source>
        <translation>剩余时间少于以下比例时亮黄灯</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="151" />
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="153" />
        <source>Park closed on</source>
        <translation>园区休息日</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="155" />
        <source>Park open on</source>
        <translation>园区加班日</translation>
    </message>
    <message>
        <source>Park closed on (one date a line)</source>
        <translation type="vanished">园区休息日（每行一个日期）</translation>
    </message>
    <message>
        <source>Park open on (one date a line)</source>
        <translation type="vanished">园区加班日（每行一个日期）</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="158" />
        <source>New time limits apply to cases taken from now on. Public holidays and adjusted workdays follow the State Council's notices.</source>
        <translation>新的办结时限只适用于此后受理的开办件。法定节假日和调休上班日按国务院办公厅的放假通知执行。</translation>
    </message>
</context>
<context>
    <name>StartupBoardModel</name>
    <message>
        <location filename="../ui/board_model.py" line="26" />
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="27" />
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="28" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="29" />
        <source>Clerk</source>
        <translation>办事员</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="30" />
        <source>Helper agent</source>
        <translation>帮办代办专员</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="31" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="33" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="35" />
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="36" />
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="37" />
        <source>Near deadline</source>
        <translation>临近时限</translation>
    </message>
    <message>
        <location filename="../ui/board_model.py" line="38" />
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
</context>
<context>
    <name>StartupBoardPage</name>
    <message>
        <location filename="../ui/board.py" line="49" />
        <source>Scan a receipt's QR code, or type a case number or enterprise name</source>
        <translation>扫描受理回执二维码，或输入受理编号、企业名称</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="55" />
        <source>All cases</source>
        <translation>全部开办件</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="56" />
        <source>My cases (as clerk or helper agent)</source>
        <translation>我的开办件（办事员或帮办专员）</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="59" />
        <source>All steps</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="65" />
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="66" />
        <source>Red: overdue</source>
        <translation>红色：超时</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="67" />
        <source>Yellow: near the deadline</source>
        <translation>黄色：临近时限</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="68" />
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="69" />
        <source>Green: done</source>
        <translation>绿色：已办结</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="72" />
        <source>Include finished cases</source>
        <translation>包括已办结</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="87" />
        <source>Weekly bulletin…</source>
        <translation>每周通报…</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="92" />
        <source>New case…</source>
        <translation>受理新件…</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="96" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="98" />
        <source>Time limits…</source>
        <translation>时限设置…</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="131" />
        <source>Business startup</source>
        <translation>企业开办</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="194" />
        <source>Red %1</source>
        <translation>红 %1</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="195" />
        <source>Yellow %1</source>
        <translation>黄 %1</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="196" />
        <source>On time %1</source>
        <translation>正常 %1</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="197" />
        <source>Green %1</source>
        <translation>绿 %1</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="274" />
        <location filename="../ui/board.py" line="298" />
        <source>Weekly bulletin</source>
        <translation>每周通报</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="274" />
        <source>Week (for example 2026-W48):</source>
        <translation>周次（如 2026-W48）：</translation>
    </message>
    <message>
        <location filename="../ui/board.py" line="304" />
        <source>Making the weekly bulletin…</source>
        <translation>正在生成每周通报…</translation>
    </message>
</context>
<context>
    <name>StartupNames</name>
    <message>
        <location filename="../ui/names.py" line="17" />
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="18" />
        <source>Invoices</source>
        <translation>发票申领</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="19" />
        <source>Social insurance</source>
        <translation>社保登记</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="20" />
        <source>Bank account</source>
        <translation>银行开户</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="21" />
        <source>Company seal</source>
        <translation>公章刻制</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="24" />
        <source>Limited company</source>
        <translation>有限责任公司设立</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="25" />
        <source>Sole proprietorship</source>
        <translation>个人独资企业设立</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="26" />
        <source>Partnership</source>
        <translation>合伙企业设立</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="27" />
        <source>Branch office</source>
        <translation>分公司设立</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="30" />
        <source>Waiting for the business licence</source>
        <translation>等待营业执照</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="31" />
        <location filename="../ui/names.py" line="36" />
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="32" />
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="33" />
        <location filename="../ui/names.py" line="37" />
        <source>Finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="41" />
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="42" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="43" />
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="44" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="45" />
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="48" />
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="49" />
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="50" />
        <source>Completion</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="53" />
        <source>Verification</source>
        <translation>核实</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="54" />
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="55" />
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="106" />
        <source>%1 working hours</source>
        <translation>%1 个工作小时</translation>
    </message>
    <message>
        <location filename="../ui/names.py" line="107" />
        <source>%1 working days</source>
        <translation>%1 个工作日</translation>
    </message>
</context>
<context>
    <name>SyncedTables</name>
    <message>
        <location filename="../__init__.py" line="83" />
        <source>Startup case</source>
        <translation>企业开办件</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="95" />
        <source>Step of a startup case</source>
        <translation>开办件的办理环节</translation>
    </message>
</context>
<context>
    <name>screen</name>
    <message>
        <location filename="../ui/rating_screen.py" line="171" />
        <source>The rating could not be saved.</source>
        <translation>评价没有保存成功，请告诉窗口工作人员。</translation>
    </message>
</context>
</TS>