<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../__init__.py" line="181" />
        <source>Valid one-licence permits</source>
        <translation>有效一照通执照</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../ui/issue_dialog.py" line="35" />
        <source>Issue licence</source>
        <translation>签发一照通执照</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="39" />
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="41" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="43" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="45" />
        <source>Permit</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="45" />
        <source>Number</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="45" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="48" />
        <source>Add a permit</source>
        <translation>再加一张许可证</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="51" />
        <source>Permits already recorded for the enterprise are loaded as well.</source>
        <translation>该企业已登记的有效许可证也会一并载入执照。</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="55" />
        <source>Sign and issue</source>
        <translation>签名并签发</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="78" />
        <source>as on the permit</source>
        <translation>按许可证上的编号填写</translation>
    </message>
    <message>
        <location filename="../ui/issue_dialog.py" line="121" />
        <source>Enter the enterprise's credit code.</source>
        <translation>请填写企业的统一社会信用代码。</translation>
    </message>
</context>
<context>
    <name>LicenseTableModel</name>
    <message>
        <location filename="../ui/license_model.py" line="15" />
        <source>Licence number</source>
        <translation>执照编号</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="16" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="17" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="18" />
        <source>Permits</source>
        <translation>所载许可证</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="19" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="20" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="21" />
        <source>Issued by</source>
        <translation>签发站</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="24" />
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../ui/license_model.py" line="25" />
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
</context>
<context>
    <name>LicensesPage</name>
    <message>
        <location filename="../ui/page.py" line="48" />
        <source>Search by licence number, enterprise name or credit code</source>
        <translation>输入执照编号、企业名称或统一社会信用代码搜索</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="73" />
        <source>Issue licence…</source>
        <translation>签发执照…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="76" />
        <source>Preview and print</source>
        <translation>预览和打印</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="78" />
        <source>Print selected</source>
        <translation>批量打印所选</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="81" />
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="83" />
        <source>Permits…</source>
        <translation>许可证…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="93" />
        <source>Issue for this enterprise</source>
        <translation>为该企业签发执照</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="95" />
        <source>Dismiss</source>
        <translation>不再提示</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="100" />
        <source>New enterprises waiting for their licence</source>
        <translation>新开办企业待签发执照</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="114" />
        <source>Licences</source>
        <translation>一照通执照</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="154" />
        <source>This station's signing key is not certified yet: the hall certifies it when the station issues its first licence while the hall can be reached.</source>
        <translation>本站的签名密钥尚未经服务大厅认证：本站在能连上服务大厅时签发第一张执照，大厅即为密钥认证。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="167" />
        <source>This station cannot issue licences yet: its signing key is not certified by the hall. Ask the administrator to enrol this station with the hall, using the code the hall gave.</source>
        <translation>本站暂不能签发执照：签名密钥尚未经服务大厅认证。请管理员用服务大厅发放的登记码为本站登记。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="327" />
        <source>Revoke the licence %1 of %2 (%3)? A revoked licence cannot be restored: scanning its code will show it as revoked.</source>
        <translation>吊销“%2”（%3）的执照 %1？吊销后不能恢复，扫码核验将显示“已吊销”。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="334" />
        <source>Reason for revoking</source>
        <translation>吊销理由</translation>
    </message>
    <message>
        <source>This station's signing key is not certified yet: the hall certifies it when the station issues its first licence while the hall can be reached (or run station license key).</source>
        <translation type="vanished">本站的签名密钥尚未认证：第一次签发执照时（需能连上服务大厅）会自动请服务大厅认证，也可运行 station license key。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="161" />
        <source>This station (%1) signs licences with a key the hall certified.</source>
        <translation>本站（%1）使用经服务大厅认证的密钥签发执照。</translation>
    </message>
    <message>
        <source>This station cannot issue licences yet: its signing key is not certified by the hall. Enrol the station with the hall first (station enroll), or run station license key.</source>
        <translation type="vanished">本站还不能签发执照：签名密钥尚未经服务大厅认证。请先登记本站（station enroll），已登记的请运行 station license key。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="215" />
        <source>Signing the licence…</source>
        <translation>正在签名执照…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="269" />
        <source>Licence %1</source>
        <translation>执照 %1</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="292" />
        <source>Preparing the licences for printing…</source>
        <translation>正在生成待打印的执照…</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="320" />
        <location filename="../ui/page.py" line="333" />
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="320" />
        <source>Select one licence to revoke.</source>
        <translation>请选中一份要吊销的执照。</translation>
    </message>
    <message>
        <location filename="../ui/page.py" line="325" />
        <source>Revoke licence</source>
        <translation>吊销执照</translation>
    </message>
    <message>
        <source>Why is licence %1 revoked?</source>
        <translation type="vanished">吊销执照 %1 的原因：</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../__init__.py" line="72" />
        <source>Licences</source>
        <translation>一照通执照</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="81" />
        <source>Verify licence</source>
        <translation>执照核验</translation>
    </message>
</context>
<context>
    <name>PermitReasonDialog</name>
    <message>
        <location filename="../ui/permits_dialog.py" line="51" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="54" />
        <source>Permitted scope</source>
        <translation>许可范围</translation>
    </message>
</context>
<context>
    <name>PermitsDialog</name>
    <message>
        <location filename="../ui/permits_dialog.py" line="70" />
        <source>Permits of %1</source>
        <translation>%1 的许可证</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="75" />
        <source>Permit</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="75" />
        <source>Number</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="75" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="75" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="75" />
        <source>Scope</source>
        <translation>许可范围</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="81" />
        <source>Renew…</source>
        <translation>延续…</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="83" />
        <source>Change scope…</source>
        <translation>变更许可范围…</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="85" />
        <source>Revoke permit…</source>
        <translation>吊销许可证…</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="116" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="116" />
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="160" />
        <location filename="../ui/permits_dialog.py" line="165" />
        <source>Renew permit</source>
        <translation>延续许可证</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="160" />
        <source>A filing has no expiry; it needs no renewal.</source>
        <translation>备案没有有效期，不需要延续。</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="165" />
        <source>Renew the %2 %3 of %1.</source>
        <translation>延续“%1”的%2（%3）。</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="165" />
        <source>Renew</source>
        <translation>延续</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="179" />
        <source>Change permit</source>
        <translation>变更许可证</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="180" />
        <source>Change the permitted scope of the %2 %3 of %1.</source>
        <translation>变更“%1”的%2（%3）的许可范围。</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="181" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="197" />
        <source>Revoke permit</source>
        <translation>吊销许可证</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="198" />
        <source>Revoke the %2 %3 of %1? The licences that carry it are revoked too, and this cannot be undone.</source>
        <translation>吊销“%1”的%2（%3）？载有该许可的执照将一并吊销，且不能撤销。</translation>
    </message>
    <message>
        <location filename="../ui/permits_dialog.py" line="199" />
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Valid until</source>
        <translation type="vanished">有效期至</translation>
    </message>
    <message>
        <source>Permitted scope</source>
        <translation type="vanished">许可范围</translation>
    </message>
    <message>
        <source>Kept in the audit log</source>
        <translation type="vanished">将记入审计日志</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="vanished">原因</translation>
    </message>
</context>
<context>
    <name>SyncedTables</name>
    <message>
        <location filename="../__init__.py" line="40" />
        <source>Permit</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="42" />
        <source>Kind of permit</source>
        <translation>许可证种类</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="43" />
        <source>Permitted scope</source>
        <translation>许可范围</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="44" />
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="45" />
        <location filename="../__init__.py" line="59" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../__init__.py" line="58" />
        <source>One-licence permit</source>
        <translation>一照通执照</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../ui/verify_page.py" line="58" />
        <source>Scan the QR code with the scanner, or paste its text and press Enter</source>
        <translation>用扫码枪扫描执照二维码，或粘贴二维码文字后按回车</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="60" />
        <source>Open image or PDF…</source>
        <translation>打开图片或 PDF…</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="78" />
        <source>Permit</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="78" />
        <source>Number</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="78" />
        <location filename="../ui/verify_page.py" line="174" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="86" />
        <source>Verify licence</source>
        <translation>执照核验</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="106" />
        <source>Open a scan of the licence</source>
        <translation>打开执照的扫描件</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="106" />
        <source>Images and PDF (*.png *.jpg *.jpeg *.bmp *.pdf)</source>
        <translation>图片和 PDF (*.png *.jpg *.jpeg *.bmp *.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="147" />
        <source>not received yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="149" />
        <source>Trust lists: station keys of %1, revoked licences of %2</source>
        <translation>信任名单：服务站密钥名单 %1，吊销清单 %2</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="160" />
        <source>Genuine, but revocation not checked</source>
        <translation>签名真实，但未能核对是否已吊销</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="162" />
        <source>This station has never received the list of revoked licences.</source>
        <translation>本站从未收到服务大厅的吊销名单。</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="164" />
        <source>The list of revoked licences is from %1 and may miss a recent revocation.</source>
        <translation>本站的吊销名单更新于 %1，可能漏掉近期吊销的执照。</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="168" />
        <source>Sync with the hall, then verify again.</source>
        <translation>请先与服务大厅同步，再核验一次。</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="173" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="173" />
        <source>Licence number</source>
        <translation>执照编号</translation>
    </message>
    <message>
        <location filename="../ui/verify_page.py" line="174" />
        <source>Issued by</source>
        <translation>签发站</translation>
    </message>
</context>
</TS>