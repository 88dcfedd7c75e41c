"""Fill a Qt .ts file from a glossary: ``python tools/fill_translations.py resources/translations/station_zh_CN.ts``.

A plugin's catalogue is filled from its own glossary too:
``python tools/fill_translations.py plugins/x/station_x/translations/station_x_zh_CN.ts .../glossary_zh_CN.json``.

The usual round trip is ``./dev translations`` (lupdate, then this, then lrelease). Strings the glossary
does not know stay "unfinished" and the test suite names them, so nothing ships half translated.
Translators may equally edit the .ts in Qt Linguist (``pyside6-linguist``); what they set is kept.
"""

# ruff: noqa: E501 - a glossary reads best one entry per line
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GLOSSARY_ZH_CN = {
    "This could not be saved; the log says why.": "未能保存，原因已记入日志，请联系管理员。",
    "Audit log": "审计日志",
    "Filter by user, action or subject": "按用户、操作或对象筛选",
    "Verify the chain": "校验哈希链",
    "No.": "序号",
    "Time": "时间",
    "User": "用户",
    "Action": "操作",
    "Subject": "对象",
    "Change": "变更内容",
    "All %1 entries are intact.": "全部 %1 条记录完整，未被改动。",
    "Verifying the audit log…": "正在校验审计日志…",
    "Dashboard": "工作台",
    "Refresh": "刷新",
    "Cannot continue": "无法完成",
    "Unexpected error": "出现意外错误",
    "The operation did not complete and nothing was changed. The details are in the log; please contact support.": "操作没有完成，数据保持原样。详细信息已写入日志，请联系技术支持。",
    "Enterprise": "企业信息",
    "Register an enterprise": "登记企业",
    "Search by name fragment, credit code or legal representative": "输入企业名称片段、统一社会信用代码或法定代表人搜索",
    "Register…": "登记企业…",
    "Open…": "查看/修改…",
    "Import…": "导入…",
    "Import template…": "导入模板…",
    "Undo last edit": "撤销刚才的修改",
    "Enterprise registry": "企业名录",
    "%1 enterprises": "共 %1 家",
    "Enterprise registered.": "企业已登记。",
    "Saved. You can undo this edit for %1 seconds.": "已保存。%1 秒内可以撤销这次修改。",
    "Edit undone.": "已撤销修改。",
    "Import enterprises": "导入企业",
    "Spreadsheets (*.csv *.xlsx)": "表格文件 (*.csv *.xlsx)",
    "Importing %1…": "正在导入 %1…",
    "Save import template": "保存导入模板",
    "Template saved to %1": "模板已保存到 %1",
    "Create the administrator": "创建管理员",
    "This station has no users yet. Create the administrator account; the administrator then adds the clerks "
    "and supervisors.": "本服务站还没有用户。请先创建管理员账号，再由管理员添加办事员和审核员。",
    "User name": "用户名",
    "Full name": "姓名",
    "Password": "密码",
    "Password again": "再次输入密码",
    "Create and sign in": "创建并登录",
    "The two passwords differ; please type them again.": "两次输入的密码不一致，请重新输入。",
    "Import finished": "导入完成",
    "These rows were not imported; correct them in the file and import it again (rows already imported will be "
    "updated, not duplicated).": "以下行没有导入。请在文件中改正后重新导入（已导入的企业只会更新，不会重复）。",
    "Row": "行号",
    "Credit code": "统一社会信用代码",
    "Problem": "问题",
    "Sign in": "登录",
    "Sign in to %1.": "登录 %1。",
    "Please enter your user name and password.": "请输入用户名和密码。",
    "Park Service Station": "园区企业服务站",
    "Opening the station database…": "正在打开服务站数据库…",
    "Not signed in": "未登录",
    "&File": "文件(&F)",
    "Back up database…": "备份数据库…",
    "Sign out": "退出登录",
    "Quit": "退出程序",
    "&Tools": "工具(&T)",
    "Settings…": "设置…",
    "Plugins…": "插件…",
    "&Help": "帮助(&H)",
    "About": "关于",
    "Preparing the database…": "正在准备数据库…",
    "Database upgraded; backup saved to %1": "数据库已升级，升级前的备份保存在 %1",
    "Please sign in.": "请登录。",
    "The database could not be opened.": "无法打开数据库。",
    "Back up database": "备份数据库",
    "Backing up…": "正在备份…",
    "Backup saved to %1": "备份已保存到 %1",
    "Park Service Station %1": "园区企业服务站 %1",
    "Enterprises": "企业名录",
    "Users": "用户管理",
    "Add a user": "添加用户",
    "Role": "角色",
    "Initial password": "初始密码",
    "Could not add the user; see the log.": "未能添加用户，详情见日志。",
    "Plugins": "插件",
    "%1 plugin(s) failed and were switched off; the rest of the station works normally. The log has the details.": "有 %1 个插件出错，已自动停用；其余功能照常可用。详情见日志。",
    "Enabled": "启用",
    "Plugin": "插件",
    "Status": "状态",
    "Distribution": "安装包",
    "Error": "错误",
    "Settings": "设置",
    "Language": "界面语言",
    "Station code": "服务站代码",
    "Station name": "服务站名称",
    "Choose…": "选择…",
    "Data directory": "数据目录",
    "General": "常规",
    "Changes to language, data directory and plugins take effect after a restart.": "界面语言、数据目录和插件的更改在重新启动程序后生效。",
    "The settings could not be saved: %1": "设置未能保存：%1",
    "Last sign-in": "最近登录",
    "Add…": "添加…",
    "Change role…": "更改角色…",
    "Reset password…": "重置密码…",
    "Disable / enable": "停用/启用",
    "Active": "在用",
    "Disabled": "已停用",
    "Change role": "更改角色",
    "Reset password": "重置密码",
    "New password for %1": "%1 的新密码",
    "Sign-in failed; see the log.": "登录失败，详情见日志。",
    "Enterprise name": "企业名称",
    "Legal representative": "法定代表人",
    "Industry": "行业",
    "Park zone": "所在园区",
    "Stage": "阶段",
    "Registered capital (10k yuan)": "注册资本（万元）",
    "Details": "基本信息",
    "Record": "记录",
    "Why": "原因",
    "This station's version": "本站版本",
    "The hall's version": "服务大厅版本",
    "Keep this station's version": "保留本站版本",
    "The hall does not accept this station's change; only the hall can decide on it.": "服务大厅不接受本站的这次改动，只能由服务大厅决定。",
    "Keep the hall's version": "保留服务大厅版本",
    "No conflicts are waiting.": "没有待审核的冲突。",
    "Sync conflicts": "同步冲突",
    "&Sync": "同步(&S)",
    "Synchronise now": "立即同步",
    "Not enrolled with the hall · %1 changes waiting": "未登记到服务大厅 · 待上传 %1 条",
    "never": "从未",
    "Online": "在线",
    "Offline": "离线",
    "Hall": "服务大厅",
    "%1 · %2 waiting · last sync %3": "%1 · 待上传 %2 条 · 上次同步 %3",
    " · %1 conflicts to review": " · 待审核冲突 %1 条",
    "Synchronising with the hall…": "正在与服务大厅同步…",
    "Save problem rows…": "导出问题行…",
    "Save problem rows": "导出问题行",
    "History (%1)": "变更记录（%1）",
    "Loaded": "已加载",
    "Not selected": "未选用",
    "Failed": "出错",
    # PDF preview and printing (station.shell.pdf_preview)
    "Opening…": "正在打开…",
    "Fit width": "适合宽度",
    "100%": "100%",
    "Print…": "打印…",
    "Save as…": "另存为…",
    "Close": "关闭",
    "This file cannot be opened: it is missing or not a PDF.": "无法打开此文件：文件不存在或不是 PDF。",
    "%1 pages": "共 %1 页",
    "Page %1…": "第 %1 页…",
    "Save as": "另存为",
    "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
    "The file could not be saved there. Choose another folder.": "无法保存到该位置，请选择其他文件夹。",
    "Documents": "文件",
    "Print": "打印",
    "A file to print is missing or is not a PDF.": "要打印的文件不存在或不是 PDF，请重新生成后再打印。",
    "Printing…": "正在打印…",
    "Cancel": "取消",
    "The printer could not be started. Check it and try again.": "无法启动打印机，请检查打印机后重试。",
    # Notices in the status bar (station.shell.notices)
    "Notices (%1)": "通知 (%1)",
    "Notices": "通知",
    "And %1 more in Notices.": "另有 %1 条，见状态栏的“通知”。",
    "No notices": "暂无通知",
    # Asking before acts that cannot be undone (station.shell.confirm)
    "Unsaved changes": "有未保存的修改",
    "You have changes that are not saved. Close and lose them?": "有修改还没有保存。关闭并放弃这些修改吗？",
    "Close without saving": "放弃修改并关闭",
    "Keep editing": "继续编辑",
    "Kept on record": "将记入档案",
    "Reason": "理由",
    "Please write the reason; it is kept on record.": "请写明理由，理由将记入档案。",
    "Disable user": "停用账号",
    "Disable the account of %1 (%2)? They can no longer sign in until it is enabled again.": "停用%1（%2）的账号？停用后该用户不能登录，直到重新启用。",
    "Disable": "停用",
    "Locked until %1": "已锁定至 %1",
    # Keyboard (station.shell.shortcuts)
    "Keyboard shortcuts": "快捷键",
    "Keys": "按键",
    "What it does": "作用",
    "Ctrl+F": "Ctrl+F",
    "Go to the search box of this page": "转到本页的搜索框",
    "F5": "F5",
    "Refresh this page": "刷新本页",
    "F9": "F9",
    "Synchronise with the hall now": "立即与服务大厅同步",
    "Ctrl+1 … Ctrl+9": "Ctrl+1 … Ctrl+9",
    "Open the first, second … ninth page of the navigation": "打开左侧导航中的第一、第二……第九页",
    "F1": "F1",
    "Show this list of shortcuts": "显示本快捷键列表",
    "Ctrl+Q": "Ctrl+Q",
    "↓": "↓",
    "From a search box: into its list": "在搜索框中：进入下方列表",
    "↑ ↓": "↑ ↓",
    "In a list: move between rows": "在列表中：上下移动",
    "Enter": "回车",
    "In a list: open the selected row; in a box with one field: confirm": "在列表中：打开所选的一行；在只有一个输入项的对话框中：确认",
    "Tab / Shift+Tab": "Tab / Shift+Tab",
    "Next / previous field, in the order they are laid out": "按界面上的顺序转到下一项/上一项",
    "Space": "空格",
    "Press the button that has the focus": "按下当前选中的按钮",
    "Esc": "Esc",
    "Close the dialog (it asks first when there are unsaved changes)": "关闭对话框（有未保存的修改时先询问）",
    "The database was upgraded; a backup of the earlier version was kept.": "数据库已升级，升级前的数据已另行备份。",
    "Backup saved as %1.": "备份已保存为 %1。",
    "Who": "操作人",
    "The park's full name, as on its seal": "园区全称，与公章一致，如 株洲高新技术产业开发区",
    "No emblem": "未设置园区标志",
    "Park name": "园区名称",
    "Park emblem": "园区标志",
    "Images (*.png *.jpg *.jpeg *.svg)": "图片 (*.png *.jpg *.jpeg *.svg)",
    "Did": "操作",
}


def fill(path: Path, glossary: dict[str, str]) -> list[str]:
    tree = ET.parse(path)
    missing: list[str] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            if source in glossary:
                translation.text = glossary[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
        elif translation.get("type") in ("obsolete", "vanished"):
            continue
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    # A plugin's catalogue: the plugin's own glossary (JSON, English -> Chinese) over the shared one.
    glossary = dict(GLOSSARY_ZH_CN)
    if len(sys.argv) > 2 and Path(sys.argv[2]).exists():
        glossary.update(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    missing = fill(Path(sys.argv[1]), glossary)
    for text in missing:
        print(f"untranslated: {text!r}", file=sys.stderr)
    sys.exit(1 if missing else 0)
