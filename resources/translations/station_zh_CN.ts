<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="34" />
        <location filename="../../src/station/shell/pages/audit.py" line="106" />
        <location filename="../../src/station/shell/pages/audit.py" line="109" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="36" />
        <source>Filter by user, action or subject</source>
        <translation>按用户、操作或对象筛选</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="38" />
        <source>Verify the chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="46" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="46" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation type="vanished">用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="vanished">操作</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="46" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="46" />
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="46" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="46" />
        <source>Did</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="106" />
        <source>All %1 entries are intact.</source>
        <translation>全部 %1 条记录完整，未被改动。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/audit.py" line="111" />
        <source>Verifying the audit log…</source>
        <translation>正在校验审计日志…</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../src/station/shell/confirm.py" line="121" />
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/confirm.py" line="122" />
        <source>You have changes that are not saved. Close and lose them?</source>
        <translation>有修改还没有保存。关闭并放弃这些修改吗？</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/confirm.py" line="124" />
        <source>Close without saving</source>
        <translation>放弃修改并关闭</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/confirm.py" line="126" />
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="154" />
        <location filename="../../src/station/shell/pages/conflicts.py" line="192" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="154" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="154" />
        <source>This station's version</source>
        <translation>本站版本</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="154" />
        <source>The hall's version</source>
        <translation>服务大厅版本</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="163" />
        <source>Keep this station's version</source>
        <translation>保留本站版本</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="166" />
        <source>Keep the hall's version</source>
        <translation>保留服务大厅版本</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="172" />
        <source>No conflicts are waiting.</source>
        <translation>没有待审核的冲突。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="174" />
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="193" />
        <location filename="../../src/station/shell/pages/conflicts.py" line="211" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="226" />
        <source>The hall does not accept this station's change; only the hall can decide on it.</source>
        <translation>服务大厅不接受本站的这次改动，只能由服务大厅决定。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../src/station/builtin/sync.py" line="50" />
        <source>Changes waiting to upload</source>
        <translation>待上传变更</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/sync.py" line="58" />
        <source>Conflicts to review</source>
        <translation>待审核冲突</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/registry.py" line="112" />
        <source>Registered enterprises</source>
        <translation>在册企业</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/registry.py" line="117" />
        <source>Founded this month</source>
        <translation>本月新成立</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/registry.py" line="124" />
        <source>Enterprises starting up</source>
        <translation>开办阶段企业</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/people.py" line="98" />
        <source>Actions recorded today</source>
        <translation>今日操作记录</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../src/station/shell/pages/dashboard.py" line="56" />
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/dashboard.py" line="57" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>DbOp</name>
    <message>
        <location filename="../../src/station/shell/dbop.py" line="201" />
        <source>Cannot continue</source>
        <translation>无法完成</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/dbop.py" line="206" />
        <source>Unexpected error</source>
        <translation>出现意外错误</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/dbop.py" line="207" />
        <source>The operation did not complete and nothing was changed. The details are in the log; please contact support.</source>
        <translation>操作没有完成，数据保持原样。详细信息已写入日志，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>EnterpriseForm</name>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="35" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="36" />
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="37" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="38" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="39" />
        <source>Registered capital (10k yuan)</source>
        <translation>注册资本（万元）</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="40" />
        <source>Employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="41" />
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="42" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="43" />
        <source>Park zone</source>
        <translation>所在园区</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="44" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="45" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="46" />
        <source>Life-cycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="49" />
        <source>18 characters, such as 91430211MA4PXE5QXY</source>
        <translation>18位，如 91430211MA4PXE5QXY</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="53" />
        <source>In 10k yuan, such as 500</source>
        <translation>单位万元，如 500</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="54" />
        <source>Such as 2021-06-18</source>
        <translation>如 2021-06-18</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91430211MA4PXE5QXY</source>
        <translation type="vanished">18位，如 91430211MA4PXE5QXY</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="50" />
        <source>Type a few characters of the industry's name and pick it, or a code such as C3411</source>
        <translation>输入行业名称中的几个字选择，或填代码如 C3411</translation>
    </message>
    <message>
        <source>In 10k yuan, e.g. 500</source>
        <translation type="vanished">单位万元，如 500</translation>
    </message>
    <message>
        <source>e.g. 2021-06-18</source>
        <translation type="vanished">如 2021-06-18</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="55" />
        <source>Mobile, or landline with area code</source>
        <translation>手机或带区号的固话</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="92" />
        <source>Enterprise</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="92" />
        <source>Register an enterprise</source>
        <translation>登记企业</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="135" />
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="136" />
        <source>History (%1)</source>
        <translation>变更记录（%1）</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="151" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="151" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="151" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_form.py" line="151" />
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="24" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="25" />
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="26" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="27" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="28" />
        <source>Park zone</source>
        <translation>所在园区</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="29" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="30" />
        <source>Registered capital (10k yuan)</source>
        <translation>注册资本（万元）</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="34" />
        <source>Starting up</source>
        <translation>开办</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="35" />
        <source>Construction</source>
        <translation>建设</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="36" />
        <source>Operating</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="37" />
        <source>Changing</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprise_model.py" line="38" />
        <source>Exiting</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="57" />
        <source>Search by name fragment, credit code or legal representative</source>
        <translation>输入企业名称片段、统一社会信用代码或法定代表人搜索</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="68" />
        <source>Register…</source>
        <translation>登记企业…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="70" />
        <source>Open…</source>
        <translation>查看/修改…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="72" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="74" />
        <source>Import template…</source>
        <translation>导入模板…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="76" />
        <source>Undo last edit</source>
        <translation>撤销刚才的修改</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="116" />
        <source>Enterprise registry</source>
        <translation>企业名录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="148" />
        <source>%1 enterprises</source>
        <translation>共 %1 家</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="223" />
        <source>Enterprise registered.</source>
        <translation>企业已登记。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="235" />
        <source>Saved. You can undo this edit for %1 seconds.</source>
        <translation>已保存。%1 秒内可以撤销这次修改。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="255" />
        <source>Edit undone.</source>
        <translation>已撤销修改。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="264" />
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="264" />
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="285" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="291" />
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="295" />
        <source>Template saved to %1</source>
        <translation>模板已保存到 %1</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../src/station/shell/login.py" line="96" />
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="99" />
        <source>This station has no users yet. Create the administrator account; the administrator then adds the clerks and supervisors.</source>
        <translation>本服务站还没有用户。请先创建管理员账号，再由管理员添加办事员和审核员。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="109" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="110" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="111" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="112" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="113" />
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="118" />
        <source>The two passwords differ; please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../src/station/shell/form_dialog.py" line="115" />
        <source>This could not be saved; the log says why.</source>
        <translation>未能保存，原因已记入日志，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="301" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="312" />
        <source>These rows were not imported; correct them in the file and import it again (rows already imported will be updated, not duplicated).</source>
        <translation>以下行没有导入。请在文件中改正后重新导入（已导入的企业只会更新，不会重复）。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="319" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="319" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="319" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="331" />
        <source>Save problem rows…</source>
        <translation>导出问题行…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/enterprises.py" line="340" />
        <source>Save problem rows</source>
        <translation>导出问题行</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/station/shell/login.py" line="65" />
        <location filename="../../src/station/shell/login.py" line="74" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="66" />
        <source>Sign in to %1.</source>
        <translation>登录 %1。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="72" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="73" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/login.py" line="80" />
        <source>Please enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="74" />
        <source>Park Service Station</source>
        <translation>园区企业服务站</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="84" />
        <source>Opening the station database…</source>
        <translation>正在打开服务站数据库…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="149" />
        <location filename="../../src/station/shell/main_window.py" line="506" />
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="157" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="158" />
        <source>Back up database…</source>
        <translation>备份数据库…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="162" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="167" />
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="172" />
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="173" />
        <source>Synchronise now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="178" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="179" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="182" />
        <source>Plugins…</source>
        <translation>插件…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="186" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="187" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="190" />
        <location filename="../../src/station/shell/main_window.py" line="622" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="275" />
        <source>Preparing the database…</source>
        <translation>正在准备数据库…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="283" />
        <source>The database was upgraded; a backup of the earlier version was kept.</source>
        <translation>数据库已升级，升级前的数据已另行备份。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="443" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="596" />
        <source>Backup saved as %1.</source>
        <translation>备份已保存为 %1。</translation>
    </message>
    <message>
        <source>Database upgraded; backup saved to %1</source>
        <translation type="vanished">数据库已升级，升级前的备份保存在 %1</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="285" />
        <source>Please sign in.</source>
        <translation>请登录。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="338" />
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="575" />
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="594" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation type="vanished">备份已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="623" />
        <source>Park Service Station %1</source>
        <translation>园区企业服务站 %1</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../src/station/shell/main_window.py" line="200" />
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/registry.py" line="34" />
        <source>Enterprises</source>
        <translation>企业名录</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/people.py" line="37" />
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/people.py" line="47" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../src/station/builtin/sync.py" line="23" />
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="37" />
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="47" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="48" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="49" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="50" />
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Could not add the user; see the log.</source>
        <translation type="vanished">未能添加用户，详情见日志。</translation>
    </message>
</context>
<context>
    <name>NoticeButton</name>
    <message>
        <location filename="../../src/station/shell/notices.py" line="53" />
        <source>Notices (%1)</source>
        <translation>通知 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/notices.py" line="53" />
        <source>Notices</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>NoticePopup</name>
    <message>
        <location filename="../../src/station/shell/notices.py" line="99" />
        <source>And %1 more in Notices.</source>
        <translation>另有 %1 条，见状态栏的“通知”。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="69" />
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="70" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="71" />
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="93" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="94" />
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="95" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="129" />
        <source>This file cannot be opened: it is missing or not a PDF.</source>
        <translation>无法打开此文件：文件不存在或不是 PDF。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="140" />
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="193" />
        <source>Page %1…</source>
        <translation>第 %1 页…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="222" />
        <location filename="../../src/station/shell/pdf_preview.py" line="240" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="222" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="240" />
        <source>The file could not be saved there. Choose another folder.</source>
        <translation>无法保存到该位置，请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="278" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="290" />
        <location filename="../../src/station/shell/pdf_preview.py" line="317" />
        <location filename="../../src/station/shell/pdf_preview.py" line="342" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="291" />
        <location filename="../../src/station/shell/pdf_preview.py" line="343" />
        <source>A file to print is missing or is not a PDF.</source>
        <translation>要打印的文件不存在或不是 PDF，请重新生成后再打印。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="302" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="303" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pdf_preview.py" line="318" />
        <source>The printer could not be started. Check it and try again.</source>
        <translation>无法启动打印机，请检查打印机后重试。</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="92" />
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="99" />
        <source>%1 plugin(s) failed and were switched off; the rest of the station works normally. The log has the details.</source>
        <translation>有 %1 个插件出错，已自动停用；其余功能照常可用。详情见日志。</translation>
    </message>
</context>
<context>
    <name>PluginsTable</name>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="36" />
        <source>Loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="37" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="38" />
        <source>Not selected</source>
        <translation>未选用</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="39" />
        <source>Failed</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="58" />
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="58" />
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="58" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="vanished">安装包</translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="vanished">错误</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/station/shell/confirm.py" line="99" />
        <source>Kept on record</source>
        <translation>将记入档案</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/confirm.py" line="100" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/confirm.py" line="101" />
        <source>Please write the reason; it is kept on record.</source>
        <translation>请写明理由，理由将记入档案。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../src/station/shell/i18n.py" line="60" />
        <source>Clerk</source>
        <translation>办事员</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/i18n.py" line="61" />
        <source>Supervisor</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/i18n.py" line="62" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="119" />
        <location filename="../../src/station/shell/settings_dialog.py" line="208" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="130" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="135" />
        <source>Station code</source>
        <translation>服务站代码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="136" />
        <source>Station name</source>
        <translation>服务站名称</translation>
    </message>
    <message>
        <source>e.g. 株洲高新技术产业开发区</source>
        <translation type="vanished">如 株洲高新技术产业开发区</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="139" />
        <source>The park's full name, as on its seal</source>
        <translation>园区全称，与公章一致，如 株洲高新技术产业开发区</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="143" />
        <source>No emblem</source>
        <translation>未设置园区标志</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="144" />
        <location filename="../../src/station/shell/settings_dialog.py" line="155" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="151" />
        <source>Park name</source>
        <translation>园区名称</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="152" />
        <location filename="../../src/station/shell/settings_dialog.py" line="179" />
        <source>Park emblem</source>
        <translation>园区标志</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="160" />
        <location filename="../../src/station/shell/settings_dialog.py" line="185" />
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="161" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="165" />
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="167" />
        <source>Changes to language, data directory and plugins take effect after a restart.</source>
        <translation>界面语言、数据目录和插件的更改在重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="179" />
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/settings_dialog.py" line="209" />
        <source>The settings could not be saved: %1</source>
        <translation>设置未能保存：%1</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="84" />
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="85" />
        <source>Go to the search box of this page</source>
        <translation>转到本页的搜索框</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="88" />
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="88" />
        <source>Refresh this page</source>
        <translation>刷新本页</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="90" />
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="91" />
        <source>Synchronise with the hall now</source>
        <translation>立即与服务大厅同步</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="95" />
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="96" />
        <source>Open the first, second … ninth page of the navigation</source>
        <translation>打开左侧导航中的第一、第二……第九页</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="99" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="100" />
        <source>Show this list of shortcuts</source>
        <translation>显示本快捷键列表</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="103" />
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="103" />
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="104" />
        <source>↓</source>
        <translation>↓</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="104" />
        <source>From a search box: into its list</source>
        <translation>在搜索框中：进入下方列表</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="105" />
        <source>↑ ↓</source>
        <translation>↑ ↓</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="105" />
        <source>In a list: move between rows</source>
        <translation>在列表中：上下移动</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="107" />
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="108" />
        <source>In a list: open the selected row; in a box with one field: confirm</source>
        <translation>在列表中：打开所选的一行；在只有一个输入项的对话框中：确认</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="111" />
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="112" />
        <source>Next / previous field, in the order they are laid out</source>
        <translation>按界面上的顺序转到下一项/上一项</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="115" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="115" />
        <source>Press the button that has the focus</source>
        <translation>按下当前选中的按钮</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="118" />
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="119" />
        <source>Close the dialog (it asks first when there are unsaved changes)</source>
        <translation>关闭对话框（有未保存的修改时先询问）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="138" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="141" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/shortcuts.py" line="141" />
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="68" />
        <source>Not enrolled with the hall · %1 changes waiting</source>
        <translation>未登记到服务大厅 · 待上传 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="71" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="74" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="74" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="74" />
        <source>Hall</source>
        <translation>服务大厅</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="76" />
        <source>%1 · %2 waiting · last sync %3</source>
        <translation>%1 · 待上传 %2 条 · 上次同步 %3</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="82" />
        <source> · %1 conflicts to review</source>
        <translation> · 待审核冲突 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/sync_status.py" line="119" />
        <source>Synchronising with the hall…</source>
        <translation>正在与服务大厅同步…</translation>
    </message>
</context>
<context>
    <name>SyncedTables</name>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="31" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="32" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="33" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="34" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="35" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="36" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="37" />
        <location filename="../../src/station/builtin/registry.py" line="61" />
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="38" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="39" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="40" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="41" />
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="42" />
        <source>Last changed</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="43" />
        <source>Last changed by</source>
        <translation>最后修改人</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/conflicts.py" line="75" />
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="79" />
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="83" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="83" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="83" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="83" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="83" />
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="91" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="92" />
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="93" />
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="94" />
        <source>Disable / enable</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="127" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="127" />
        <location filename="../../src/station/shell/pages/users.py" line="190" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="129" />
        <source>Locked until %1</source>
        <translation>已锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="163" />
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="176" />
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="177" />
        <source>New password for %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="194" />
        <source>Disable user</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="195" />
        <source>Disable the account of %1 (%2)? They can no longer sign in until it is enabled again.</source>
        <translation>停用%1（%2）的账号？停用后该用户不能登录，直到重新启用。</translation>
    </message>
    <message>
        <location filename="../../src/station/shell/pages/users.py" line="198" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>_SignInBase</name>
    <message>
        <location filename="../../src/station/shell/login.py" line="47" />
        <source>Sign-in failed; see the log.</source>
        <translation>登录失败，详情见日志。</translation>
    </message>
</context>
<context>
    <name>self.button</name>
    <message>
        <location filename="../../src/station/shell/notices.py" line="241" />
        <source>No notices</source>
        <translation>暂无通知</translation>
    </message>
</context>
</TS>