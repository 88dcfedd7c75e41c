"""The hall's web face in a real browser (Debian's Chromium driven by Selenium through chromium-driver), against
a real hall process and real stations: the operator signs in and enrols a station whose ``station enroll``
then succeeds; a licence photo verifies in the enterprise window; a station's change to another's licence
waits for review and, applied by the supervisor, reaches the issuing station with its next sync; the
enterprise opens its case by tracking code and phone, rates the finished case (a second rating of the point,
from another tab, is refused) and the station shows the rating after its sync; a claim's progress opens by
credit code and the code printed on its receipt, a wrong code answered as a wrong credit code.

Every page visited is saved as a screenshot; with ``WEB_SCREENSHOTS=docs/images`` they become the README's.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import PASSWORD

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hall"))
from conftest_hall import Hall, station

from helpers import STATION, enterprise_values, valid_code

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="Chromium and chromium-driver are not installed; ./dev test installs them"
)
DESK, PHONE_SIZE = (1366, 900), (390, 844)  # a service-hall desktop; a phone in the WeChat browser
APPLICANT_PHONE = "13807330001"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_argument(f"--window-size={DESK[0]},{DESK[1]}")
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def hall(tmp_path_factory) -> Iterator[Hall]:
    running = Hall(tmp_path_factory.mktemp("hall"), None)
    for username, role, display in (("wang", "supervisor", "王主管"), ("li", "operator", "李值班")):
        added = subprocess.run(
            [*STATION, "--data-dir", str(running.data), "hall", "users", "add", username, "--role", role,
             "--display-name", display, "--password-stdin"],
            input=PASSWORD + "\n", capture_output=True, text=True,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    out = Path(os.environ.get("WEB_SCREENSHOTS") or tmp_path_factory.mktemp("screens"))
    out.mkdir(parents=True, exist_ok=True)
    return out


def run(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    if stdin is None:
        result = station(data, *args)
    else:
        result = subprocess.run([*STATION, "--data-dir", str(data), *args], input=stdin, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def snap(driver, shots: Path, name: str, size: tuple[int, int] = DESK) -> None:  # type: ignore[no-untyped-def]
    """A screenshot of the whole page at this width (the window grows to the page's height)."""
    driver.set_window_size(size[0], size[1])
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size[0], max(size[1], min(int(height) + 20, 4000)))
    driver.save_screenshot(str(shots / f"hall-{name}.png"))
    driver.set_window_size(*size)


def fill(driver, **fields: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    for name, value in fields.items():
        box = driver.find_element(By.ID, name)
        box.clear()
        box.send_keys(value)


def submit(driver, css: str = "button[type=submit]", *, confirm: bool = False, by: str = "css selector") -> None:  # type: ignore[no-untyped-def]
    """Click what leaves this page and wait for the next one to load: WebDriver's click returns before a form's
    navigation starts on a busy machine, so reading ``current_url`` at once reads the page being left."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    leaving = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(by, css).click()
    if confirm:
        WebDriverWait(driver, 10).until(expected_conditions.alert_is_present())
        driver.switch_to.alert.accept()
    WebDriverWait(driver, 60).until(expected_conditions.staleness_of(leaving))
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")


def licence_photo(payload: str, path: Path) -> Path:
    """A photo-like picture of a licence's QR: the code printed small on a page, photographed at an angle."""
    from PIL import Image, ImageFilter
    from station_licenses import qr

    modules = qr.matrix(payload)
    size, scale = len(modules), 5
    code = Image.new("L", ((size + 8) * scale,) * 2, 255)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                code.paste(0, ((x + 4) * scale, (y + 4) * scale, (x + 5) * scale, (y + 5) * scale))
    page = Image.new("L", (code.width + 400, code.height + 300), 235)
    page.paste(code, (200, 120))
    photo = page.rotate(7, expand=True, fillcolor=120).filter(ImageFilter.GaussianBlur(0.8)).convert("RGB")
    photo.save(path, quality=85)
    return path


def test_the_operator_and_the_enterprise_in_a_real_browser(browser, hall, shots, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    a, evil = tmp_path / "a", tmp_path / "evil"

    # The operator signs in (a wrong password first: the same page, a sentence, no session).
    driver.get(f"{hall.url}/console/stations")
    assert driver.current_url.endswith("/console/signin")
    fill(driver, username="wang", password="wrong-password")
    submit(driver)
    assert "用户名或密码不正确" in driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    fill(driver, username="wang", password=PASSWORD)
    snap(driver, shots, "signin")
    submit(driver)
    assert driver.current_url.endswith("/console/stations")

    # Enrols a station: the one-time token is shown once, with its QR code; `station enroll` takes it.
    fill(driver, code="st01", name="航空港区企业服务站")
    submit(driver, "form.card button[type=submit]")
    token = driver.find_element(By.ID, "token").text
    assert driver.find_element(By.CSS_SELECTOR, "figure.qr svg").is_displayed()
    snap(driver, shots, "station-token")
    enrolled = run(a, "enroll", driver.find_element(By.ID, "hall-url").text, token)
    assert "本站已登记为 ST01" in enrolled.stdout and "认证了本站的签名密钥" in enrolled.stdout
    run(evil, "enroll", hall.url, hall.add_station("ST02", "临平企业服务站"))

    # ST01 issues a licence and opens a startup case, and syncs.
    from station.core.context import StationContext

    ctx = StationContext(a)
    ctx.open()
    with ctx.work(ctx.permissions.actor("admin", "admin")) as work:
        from station.core import enterprises

        uscc = enterprises.create(work, enterprise_values(7, name="郑州豫发食品药品连锁经营有限公司")).uscc
    with ctx.work(ctx.permissions.actor("admin", "admin")) as work:
        from station_agencies import demo  # the marketplace's agencies, commissions and ratings

        demo.fill(work, random.Random(3), commissions=60)
    ctx.close()
    issued = json.loads(
        run(a, "license", "issue", "--uscc", uscc, "--permit", "SPJY:JY14101730000001:2031-06-30", "--json").stdout
    )
    application = {
        "case_type": "limited_company", "enterprise_name": "郑州豫发食品科技有限公司", "legal_rep": "王建国",
        "registered_capital": "500", "business_scope": "食品销售；食品技术研发。", "address": "郑州航空港区新港大道8号",
        "contact_phone": APPLICANT_PHONE,
        "shareholders": [{"name": "王建国", "id_number": "430211198001010011", "capital": "500"}],
        "papers": {"identity": "received", "premises": {"deferred": "2031-06-30"}, "appointment": "received"},
    }  # fmt: skip
    case = json.loads(run(a, "startup", "new", "--json", stdin=json.dumps(application, ensure_ascii=False)).stdout)
    # The code the registration authority issued for an address in 郑州航空港区 (410173).
    run(a, "startup", "step", case["number"], "registration", "done", "--uscc", valid_code(3, "410173"))
    run(a, "sync")
    driver.get(f"{hall.url}/console/stations")
    row = driver.find_element(By.XPATH, "//tr[td[text()='ST01']]").text
    assert "在用" in row and "已认证" in row and "—" not in row.split("在用")[1].split("已认证")[0][:30]
    snap(driver, shots, "stations")

    # The enterprise checks its licence from a photo of the QR, on a phone.
    driver.set_window_size(*PHONE_SIZE)
    driver.get(f"{hall.url}/e/")
    snap(driver, shots, "window", PHONE_SIZE)
    submit(driver, "执照核验", by=By.LINK_TEXT)
    snap(driver, shots, "verify", PHONE_SIZE)
    photo = licence_photo(issued["payload"], tmp_path / "licence.jpg")
    driver.find_element(By.ID, "photo").send_keys(str(photo))
    submit(driver)
    assert driver.find_element(By.ID, "verdict").text == "有效"
    assert issued["number"] in driver.page_source
    snap(driver, shots, "verify-valid", PHONE_SIZE)

    # Another station revokes ST01's licence: the hall keeps it for review; the supervisor applies it.
    run(evil, "sync")
    run(evil, "license", "revoke", issued["number"], "--reason", "食品经营许可证已被发证机关注销")
    run(evil, "sync")
    driver.set_window_size(*DESK)
    driver.get(f"{hall.url}/console/review")
    assert "食品经营许可证已被发证机关注销" in driver.page_source
    snap(driver, shots, "review")
    reason = driver.find_element(By.CSS_SELECTOR, "form input[name=reason]").get_attribute("id")
    fill(driver, **{reason: "已向市场监管局核实"})
    submit(driver, "button[value=apply]", confirm=True)  # asked once before an act that revokes
    assert "没有等待服务大厅审核的改动" in driver.page_source
    run(a, "sync")
    mine = json.loads(run(a, "license", "list", "--json").stdout)
    assert [lic["status"] for lic in mine if lic["number"] == issued["number"]] == ["revoked"]
    driver.get(f"{hall.url}/console/licences")
    row = driver.find_element(By.XPATH, f"//tr[td[text()='{issued['number']}']]").text
    assert "临平企业服务站（经服务大厅审核）" in row
    snap(driver, shots, "licences")
    # The supervisor publishes the policy catalogue folder after seeing what it changes.
    from station_policy.catalog import demo_dir

    driver.get(f"{hall.url}/console/policies")
    folder = sorted(demo_dir().glob("*.yaml"))
    driver.find_element(By.ID, "documents").send_keys("\n".join(str(f) for f in folder))
    submit(driver, "form.card button[type=submit]")
    # 22 files go up: wait for the answer rather than read the page that is still being left.
    WebDriverWait(driver, 60).until(lambda d: d.current_url.endswith("/preview") and "</main>" in d.page_source)
    assert driver.page_source.count("<td>新增</td>") == len(folder)
    snap(driver, shots, "policy-preview")
    submit(driver, "form.card button[type=submit]", confirm=True)
    WebDriverWait(driver, 60).until(lambda d: d.current_url.endswith("/console/policies"))
    assert driver.page_source.count("<td>新发布</td>") == len(folder)  # every edition, in the history
    for page in ("policies", "figures", "events"):
        driver.get(f"{hall.url}/console/{page}")
        snap(driver, shots, page)
    assert "已向市场监管局核实" in driver.page_source  # the decision is in the hall's log
    driver.get(f"{hall.url}/console/figures")
    assert "航空港区企业服务站" in driver.page_source

    # The same photo now shows the licence revoked.
    driver.set_window_size(*PHONE_SIZE)
    driver.get(f"{hall.url}/e/verify")
    driver.find_element(By.ID, "photo").send_keys(str(photo))
    submit(driver)
    assert driver.find_element(By.ID, "verdict").text == "已吊销"

    driver.get(f"{hall.url}/e/market")  # the public marketplace, from what ST01 synced
    assert "工程造价咨询" in driver.page_source and "★" in driver.page_source
    snap(driver, shots, "market", PHONE_SIZE)

    # The enterprise opens its case by the code on its receipt and the last four digits of the phone.
    driver.get(f"{hall.url}/e/case")
    fill(driver, code=case["tracking_code"], phone="0000")
    submit(driver)
    wrong = driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert "没有找到" in wrong
    snap(driver, shots, "case-form", PHONE_SIZE)
    fill(driver, code=case["tracking_code"].lower(), phone=APPLICANT_PHONE[-4:])
    submit(driver)
    assert driver.find_element(By.ID, "case-name").text == "郑州豫发食品科技有限公司"
    steps = driver.find_elements(By.CSS_SELECTOR, "ol.steps li")
    assert len(steps) == 5 and "已办结" in steps[0].text
    assert "住所" in driver.page_source  # the deferred paper and its date
    snap(driver, shots, "case", PHONE_SIZE)

    # The case is finished at the station; the enterprise rates it, in two tabs: the second is refused.
    for step in ("invoice", "social_insurance", "bank_account", "seal"):
        run(a, "startup", "step", case["number"], step, "done")
    run(a, "sync")
    tabs = []
    for _ in range(2):
        if tabs:
            driver.switch_to.new_window("tab")
        tabs.append(driver.current_window_handle)
        driver.get(f"{hall.url}/e/case")
        fill(driver, code=case["tracking_code"], phone=APPLICANT_PHONE[-4:])
        submit(driver)
        assert driver.find_element(By.ID, "case-name").is_displayed()
    driver.switch_to.window(tabs[0])
    assert driver.find_element(By.CSS_SELECTOR, "#stage option:checked").text == "办结"
    driver.find_element(By.CSS_SELECTOR, "input[name=grade][value='4']").click()
    fill(driver, comment="五个环节一次办完，帮办专员很耐心。")
    snap(driver, shots, "case-rate", PHONE_SIZE)
    submit(driver, "form[action='/e/case/rate'] button[type=submit]")
    assert "感谢您的评价" in driver.find_element(By.ID, "rating-result").text
    assert "办结环节" in driver.page_source and "满意" in driver.page_source
    driver.switch_to.window(tabs[1])  # the form still open in the other tab, sent as well
    driver.find_element(By.CSS_SELECTOR, "input[name=grade][value='5']").click()
    submit(driver, "form[action='/e/case/rate'] button[type=submit]")
    refused = driver.find_element(By.ID, "rating-result").text
    assert refused == f"开办件 {case['number']} 的“办结”环节已经评价过，每个环节只能评价一次。"
    snap(driver, shots, "case-rate-refused", PHONE_SIZE)
    driver.close()
    driver.switch_to.window(tabs[0])
    # The station that took the case shows the rating with its own ones at its next sync.
    run(a, "sync")
    shown = json.loads(run(a, "startup", "show", case["number"], "--json").stdout)["ratings"]
    assert [(r["stage"], r["grade"], r["channel_text"]) for r in shown] == [("complete", 4, "网上企业服务窗口")]
    assert shown[0]["comment"] == "五个环节一次办完，帮办专员很耐心。"
    assert "评价：办结 满意（五个环节一次办完" in run(a, "startup", "show", case["number"]).stdout
    again = station(a, "startup", "rate", case["tracking_code"], "--grade", "1", "--stage", "complete")
    assert again.returncode != 0 and "“办结”环节已经评价过" in again.stderr  # the station holds it as its own

    # A policy claim at the station: its receipt carries the code that opens its progress in the window.
    run(a, "policy", "fact", "cert", "--uscc", uscc, "--kind", "高新技术企业", "--expires", "2028-12-10")
    for key in ("abnormal_listed", "serious_dishonesty"):
        run(a, "policy", "fact", "set", "--uscc", uscc, "--key", key, "--value", "0")
    claim = json.loads(
        run(
            a, "policy", "claim", "apply", "--uscc", uscc, "--policy", "HNTE-FIRST", "--material", "all", "--json"
        ).stdout
    )
    code = claim["receipt_code"]
    assert len(code) == 12 and not set(code) & set("01IOS")  # S dropped, not 5: no pair left to confuse
    run(a, "policy", "claim", "accept", claim["number"])
    receipt = tmp_path / "receipt.pdf"
    run(a, "policy", "receipt", claim["number"], "--pdf", str(receipt))
    printed = subprocess.run(["pdftotext", str(receipt), "-"], capture_output=True, text=True).stdout
    assert code in printed and claim["number"] in printed
    run(a, "sync")
    driver.get(f"{hall.url}/e/")
    submit(driver, "政策兑现查询", by=By.LINK_TEXT)
    fill(driver, uscc=uscc, code=code[:-1] + ("2" if code[-1] != "2" else "3"))  # one character wrong
    submit(driver)
    wrong_code = driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    fill(driver, uscc=valid_code(8), code=code)  # someone else's credit code with this receipt
    submit(driver)
    assert driver.find_element(By.CSS_SELECTOR, "[role=alert]").text == wrong_code
    assert "没有找到与这个统一社会信用代码和查询码相符的申请" in wrong_code
    snap(driver, shots, "claims-form", PHONE_SIZE)
    fill(driver, uscc=uscc.lower(), code=code.lower())
    submit(driver)
    assert driver.find_element(By.ID, "enterprise-name").text == "郑州豫发食品药品连锁经营有限公司"
    mine = driver.find_element(By.CSS_SELECTOR, f"section[aria-label='申请 {claim['number']}']").text
    assert "已受理" in mine and "高新技术企业首次认定奖励" in mine and "200,000.00 元" in mine
    assert "（本回执）" in mine
    snap(driver, shots, "claims", PHONE_SIZE)
