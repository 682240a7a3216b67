"""The widget pattern in a real browser: the example app, the sandbox's widget, headless Chromium."""

from __future__ import annotations

import json
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import unique, wait, widget_state

PASSWORD = "correct-horse-battery-staple"
MASK = "**********"


def enter_widget(driver, origin: str):
    """Switches into the widget's iframe once the page has one; returns the iframe's URL."""
    frame = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "iframe.airbyte-widget")))
    src = frame.get_attribute("src")
    assert src.startswith(f"{origin}/embedded-widget?workspaceId="), src
    driver.switch_to.frame(frame)
    return src


def fill(driver, field_id: str, value: str) -> None:
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def test_a_customer_connects_postgres_in_the_widget_and_the_operator_lists_it(browser, app, sandbox, steps):
    customer = unique("acme")
    browser.get(f"{app.url}/")
    wait(browser).until(EC.url_to_be(f"{app.url}/login"))
    steps.shot("login")
    fill(browser, "customer", customer)
    browser.find_element(By.ID, "sign-in").click()
    wait(browser).until(EC.url_to_be(f"{app.url}/connect"))

    src = enter_widget(browser, sandbox.widget_origin)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(src).query)
    assert query["allowedOrigin"] == [app.url]
    wait(browser).until(lambda d: widget_state(d) == "templates")
    steps.shot("templates")
    offered = sorted(b.text for b in browser.find_elements(By.CSS_SELECTOR, "button.template"))
    # The token selects the templates tagged widget-app; the app made a third one without it.
    assert offered == ["Postgres", "Stripe"]

    browser.find_element(By.XPATH, "//button[@class='template'][.='Postgres']").click()
    wait(browser).until(lambda d: widget_state(d) == "form")
    assert browser.find_element(By.ID, "field-password").get_attribute("type") == "password"
    assert browser.find_element(By.ID, "field-host").get_attribute("type") == "text"
    assert browser.find_element(By.ID, "field-port").get_attribute("value") == "5432"
    fill(browser, "source-name", "Acme production DB")
    fill(browser, "field-host", "db.acme.example")
    fill(browser, "field-database", "app")
    fill(browser, "field-username", "airbyte")
    fill(browser, "field-password", PASSWORD)
    steps.shot("form")
    sandbox.clear_requests()
    browser.find_element(By.ID, "submit").click()
    wait(browser).until(lambda d: widget_state(d) == "checked")
    steps.shot("checked")
    outcome = browser.find_element(By.ID, "outcome")
    assert outcome.get_attribute("data-check") == "succeeded", outcome.text

    # The credentials went from the widget's origin straight to the API, not through the app.
    create = [r for r in sandbox.requests() if r["method"] == "POST" and r["path"] == "/api/v1/embedded/sources"]
    assert len(create) == 1
    headers = {k.lower(): v for k, v in create[0]["headers"]}
    assert headers.get("origin") == sandbox.widget_origin
    assert json.loads(create[0]["body"])["source_config"]["password"] == PASSWORD

    browser.switch_to.default_content()
    event = wait(browser).until(EC.visibility_of_element_located((By.ID, "widget-event")))
    assert "Acme production DB" in event.text

    browser.find_element(By.LINK_TEXT, "Your sources").click()
    wait(browser).until(EC.url_to_be(f"{app.url}/sources"))
    steps.shot("sources")
    sources = browser.find_elements(By.CSS_SELECTOR, "li.source")
    assert [s.find_element(By.CSS_SELECTOR, ".source-name").text for s in sources] == ["Acme production DB"]
    config = json.loads(sources[0].find_element(By.CSS_SELECTOR, "pre.source-config").text)
    assert config["host"] == "db.acme.example"
    assert config["password"] == MASK
    assert PASSWORD not in browser.page_source


def embed_from_foreign_site(browser, foreign, app, sandbox, rewrite: bool) -> None:
    """Opens the foreign page with a widget token the app minted for a new customer, with the
    sandbox's request log cleared after the minting."""
    token = app.widget_token(unique("acme"))
    sandbox.clear_requests()
    fragment = urllib.parse.urlencode({"token": token, **({"rewrite": "1"} if rewrite else {})})
    # A query of its own, so that the browser loads a new document rather than only moving to
    # another fragment of the one it has.
    browser.get(f"{foreign.url}/foreign.html?{unique('case')}#{fragment}")


def widget_calls(sandbox) -> list:
    """The recorded calls of the end user's API (templates, sources)."""
    return [r for r in sandbox.requests() if r["path"].startswith("/api/v1/embedded/source")]


def test_the_widget_refuses_a_page_on_another_origin(browser, app, sandbox, foreign, steps):
    embed_from_foreign_site(browser, foreign, app, sandbox, rewrite=False)
    enter_widget(browser, sandbox.widget_origin)
    wait(browser).until(lambda d: widget_state(d) == "refused")
    steps.shot("refused")
    refusal = browser.find_element(By.ID, "refusal")
    assert refusal.is_displayed()
    assert f"embedded by {foreign.url}" in refusal.text and f"allows only {app.url}" in refusal.text
    assert not browser.find_element(By.ID, "templates-section").is_displayed()
    browser.switch_to.default_content()
    # The widget asked the foreign page for nothing, and called the API not once.
    assert browser.execute_script("return window.tokenRequests") == 0
    assert widget_calls(sandbox) == []


def test_the_widget_refuses_a_url_edited_to_name_the_page_that_embeds_it(browser, app, sandbox, foreign, steps):
    embed_from_foreign_site(browser, foreign, app, sandbox, rewrite=True)
    enter_widget(browser, sandbox.widget_origin)
    wait(browser).until(lambda d: widget_state(d) == "refused")
    steps.shot("refused")
    refusal = browser.find_element(By.ID, "refusal").text
    assert f"minted for {app.url}, not for {foreign.url}" in refusal, refusal
    browser.switch_to.default_content()
    # This time the page's origin matched the edited URL, so it heard the request and answered
    # with the token; the token's own origin claim is what refused it.
    assert browser.execute_script("return window.tokenRequests") == 1
    assert widget_calls(sandbox) == []
