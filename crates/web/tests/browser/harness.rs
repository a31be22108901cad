//! The browser harness: chromedriver as a child process (killed with the Chromium it started
//! when the harness is dropped, also when a test fails), headless Chromium sessions through
//! WebDriver, and the Klaster server as it runs in production (job runner with mail to a local
//! SMTP sink, search index kept in sync) on a fresh SQLite database.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use klaster_notify::testing::SmtpSink;
use serde::Deserialize;
use serde_json::{Value, json};
use tempfile::TempDir;

use super::common::TestApp;

/// The two programs: where Debian's packages `chromium` and `chromium-driver` put them, unless
/// `KLASTER_CHROMIUM` / `KLASTER_CHROMEDRIVER` name others.
fn chromium() -> String {
    std::env::var("KLASTER_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}
fn chromedriver() -> String {
    std::env::var("KLASTER_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}
/// Set to 1 (as CI does) to fail instead of skipping when they are missing.
const REQUIRE: &str = "KLASTER_REQUIRE_BROWSER";
/// How long chromedriver, a page or an element may take.
const PATIENCE: Duration = Duration::from_secs(20);

/// Phone (a common 6.1" phone in CSS pixels) and desktop viewports for screenshots.
pub const PHONE: (u32, u32) = (390, 844);
pub const DESKTOP: (u32, u32) = (1366, 900);

/// A line on the test's standard error that the test runner does not capture, so it shows in
/// a plain `cargo test` too.
pub fn notice(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Whether the browser tests can run here. Missing programs fail the test when
/// `KLASTER_REQUIRE_BROWSER=1`; otherwise a notice is printed and the test returns early.
pub fn available() -> bool {
    let missing: Vec<String> = [chromium(), chromedriver()]
        .into_iter()
        .filter(|p| !Path::new(p).is_file())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let what = format!(
        "browser tests need {} (Debian packages chromium and chromium-driver, which .ci/run installs)",
        missing.join(" and ")
    );
    if std::env::var(REQUIRE).is_ok_and(|v| v == "1") {
        panic!("{what}; {REQUIRE}=1 makes their absence a failure");
    }
    notice(&format!(
        "SKIPPED: {what}; set {REQUIRE}=1 to make this a failure"
    ));
    false
}

/// axe-core, the accessibility engine injected into the pages: the npm package pinned in
/// `package.json` beside this file (`.ci/run` installs it with `npm ci`), unless `KLASTER_AXE`
/// names another copy of `axe.min.js`.
fn axe_path() -> PathBuf {
    std::env::var_os("KLASTER_AXE").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/browser/node_modules/axe-core/axe.min.js")
        },
        PathBuf::from,
    )
}

/// The source of axe-core, or `None` (after a notice) when it is not installed and not
/// required: the pages are then tested without the accessibility audits. Like a missing
/// browser, a missing engine fails the test when `KLASTER_REQUIRE_BROWSER=1`.
fn axe_source() -> Option<Arc<str>> {
    let path = axe_path();
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source.into()),
        Err(e) => {
            let what = format!(
                "accessibility audits need {} ({e}; `npm ci` in crates/web/tests/browser, \
                 as .ci/run does)",
                path.display()
            );
            if std::env::var(REQUIRE).is_ok_and(|v| v == "1") {
                panic!("{what}; {REQUIRE}=1 makes its absence a failure");
            }
            notice(&format!(
                "SKIPPED: {what}; set {REQUIRE}=1 to make this a failure"
            ));
            None
        }
    }
}

/// The WCAG success criteria the audits hold the pages to: WCAG 2.0 and 2.1, levels A and AA,
/// and WCAG 2.2 AA (its one rule in axe: a pointer target at least 24 by 24 CSS pixels, or
/// spaced as if it were) (axe's tags for its rules).
pub const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/// axe's advice beyond WCAG (heading order, landmarks...), run too but only reported.
const ADVICE_TAG: &str = "best-practice";

/// One rule a page breaks, as axe reports it (`help_url` explains the rule and its fixes).
#[derive(Debug, Deserialize)]
pub struct Violation {
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    pub help: String,
    pub help_url: String,
    /// axe's tags of the rule: the WCAG criteria it checks, or `best-practice`.
    pub tags: Vec<String>,
    pub nodes: Vec<Offender>,
}

/// An element that breaks a rule: its CSS selector, its markup (shortened) and what is wrong.
#[derive(Debug, Deserialize)]
pub struct Offender {
    pub selector: String,
    pub html: String,
    pub summary: String,
}

impl Violation {
    /// Whether it fails the audit: a WCAG A/AA rule broken with axe's impact `serious` or
    /// `critical` (it keeps people from using the page).
    pub fn blocks(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
            && self.tags.iter().any(|t| WCAG_TAGS.contains(&t.as_str()))
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "  [{}] {}: {} ({}; {})",
            self.impact,
            self.id,
            self.help,
            self.tags.join(" "),
            self.help_url
        )?;
        for n in &self.nodes {
            let summary = n.summary.replace('\n', "\n        ");
            writeln!(f, "    - {}\n      {}\n      {summary}", n.selector, n.html)?;
        }
        Ok(())
    }
}

/// What one audit found: the rules broken, and those axe could not decide (for example the
/// contrast of text over an image), which a person should look at.
#[derive(Debug, Deserialize)]
pub struct Audit {
    pub violations: Vec<Violation>,
    pub incomplete: Vec<String>,
    /// How many rules found nothing wrong.
    pub passed: usize,
    /// Every rule that ran (whatever it found, also where nothing on the page applied).
    pub ran: Vec<String>,
}

/// Runs axe on the document and hands its findings, trimmed to what a developer needs to
/// find and fix each one, to the WebDriver callback (the last argument).
const RUN_AXE: &str = r#"
const [tags, done] = arguments;
const shorten = s => s.length > 160 ? s.slice(0, 157) + '...' : s;
axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then(r => done({
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact || 'unknown', help: v.help, help_url: v.helpUrl,
      tags: v.tags.filter(t => t.startsWith('wcag') || t === 'best-practice'),
      nodes: v.nodes.map(n => ({
        selector: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
        html: shorten(n.html), summary: n.failureSummary || '' })),
    })),
    incomplete: r.incomplete.map(v => v.id + ' (' + v.nodes.slice(0, 3)
      .map(n => n.target.join(' ') + ': ' + (n.any.concat(n.all, n.none)[0] || {}).message)
      .join('; ') + (v.nodes.length > 3 ? '; ...' : '') + ')'),
    passed: r.passes.length,
    ran: [r.passes, r.violations, r.incomplete, r.inapplicable].flat().map(v => v.id),
  }))
  .catch(e => done({ error: String((e && e.stack) || e) }));
"#;

/// A running chromedriver, in a process group of its own with the browsers it starts.
struct Driver {
    child: Child,
    url: String,
    log: PathBuf,
}

impl Driver {
    async fn start(dir: &Path) -> Driver {
        use std::os::unix::process::CommandExt;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let log = dir.join("chromedriver.log");
        let out = std::fs::File::create(&log).expect("log file");
        let mut driver = Driver {
            child: Command::new(chromedriver())
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(out.try_clone().expect("log file"))
                .stderr(out)
                .process_group(0)
                .spawn()
                .expect("start chromedriver"),
            url: format!("http://127.0.0.1:{port}"),
            log,
        };
        let client = reqwest::Client::new();
        let start = Instant::now();
        loop {
            let status = client.get(format!("{}/status", driver.url)).send().await;
            if let Ok(res) = status
                && let Ok(v) = res.json::<Value>().await
                && v["value"]["ready"] == json!(true)
            {
                return driver;
            }
            if let Ok(Some(code)) = driver.child.try_wait() {
                panic!("chromedriver exited ({code}): {}", driver.log_text());
            }
            assert!(
                start.elapsed() < PATIENCE,
                "chromedriver did not answer on {}: {}",
                driver.url,
                driver.log_text()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole group: chromedriver and every Chromium process it started.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The portal under test, with a browser driver: one per test.
pub struct E2e {
    pub app: TestApp,
    /// Receives what the server mails (verification links, notices).
    pub sink: SmtpSink,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    driver: Driver,
    /// axe-core's source, when it is installed.
    axe: Option<Arc<str>>,
    /// chromedriver's log and the browsers' profiles; removed last.
    dir: TempDir,
}

impl E2e {
    /// The server on a fresh SQLite database with its job runner (mailing to [`E2e::sink`])
    /// and search sync running, and chromedriver ready; `None` (after a notice) when the
    /// browser is not installed and not required.
    pub async fn start() -> Option<E2e> {
        if !available() {
            return None;
        }
        let axe = axe_source();
        let dir = tempfile::tempdir().expect("temp dir");
        let driver = Driver::start(dir.path()).await;
        let app = TestApp::sqlite().await;
        let sink = SmtpSink::start().await.expect("smtp sink");
        let tasks = vec![
            tokio::spawn(app.worker(Some(&sink)).run()),
            tokio::spawn(klaster_web::keep_in_sync(app.index.clone(), app.db())),
        ];
        Some(E2e {
            app,
            sink,
            tasks,
            driver,
            axe,
            dir,
        })
    }

    /// Runs every due job (translations, mail) and brings the search index up to date, so
    /// what was just written through the API shows on the pages.
    pub async fn settle(&self) {
        let w = self.app.worker(Some(&self.sink));
        while w.run_once().await.expect("job").is_some() {}
        self.app.sync().await;
    }

    /// The links to this site in the text of the mail sent to `to` (waiting for it), as paths
    /// to open with [`Browser::goto`]; the `n`th mail of all, counting from 1, must be to `to`.
    pub async fn links_mailed(&self, n: usize, to: &str) -> Vec<String> {
        let mails = self.sink.wait_for(n, PATIENCE).await;
        let mail = mails
            .get(n - 1)
            .unwrap_or_else(|| panic!("mail {n} to {to}: only {} mails", mails.len()));
        assert_eq!(mail.rcpt_to, [to], "mail {n}");
        let text = mail.parsed().text.unwrap_or_default();
        text.split(|c: char| c.is_whitespace() || "<>()\"".contains(c))
            .filter_map(|w| w.strip_prefix(&self.app.base))
            .map(str::to_string)
            .collect()
    }

    /// A new headless Chromium whose user prefers `languages` (as `intl.accept_languages`,
    /// e.g. `"de-DE,de,en"`), with a desktop-sized window.
    pub async fn browser(&self, languages: &str) -> Browser {
        let profile = tempfile::tempdir_in(self.dir.path()).expect("profile dir");
        let first = languages.split(',').next().unwrap_or("pl");
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    format!("--window-size={},{}", DESKTOP.0, DESKTOP.1),
                    format!("--lang={first}"),
                    format!("--user-data-dir={}", profile.path().display()),
                    "--force-device-scale-factor=1", "--hide-scrollbars", "--no-first-run",
                    "--disable-extensions", "--disable-background-networking",
                ],
                "prefs": { "intl.accept_languages": languages },
            }
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&self.driver.url)
            .await
            .unwrap_or_else(|e| panic!("new session: {e}\n{}", self.driver.log_text()));
        let b = Browser {
            client,
            base: self.app.base.clone(),
            driver: self.driver.url.clone(),
            axe: self.axe.clone(),
            _profile: profile,
        };
        b.viewport(DESKTOP).await;
        b
    }

    pub async fn stop(mut self) {
        for t in self.tasks.drain(..) {
            t.abort();
        }
        let E2e {
            app, driver, dir, ..
        } = self;
        app.stop().await;
        drop(driver);
        drop(dir);
    }
}

/// Where screenshots go: `e2e-screenshots/` in the target directory this test was built in.
pub fn screenshot_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary");
    // <target>/<profile>/deps/browser-<hash>
    let target = exe
        .ancestors()
        .nth(3)
        .expect("target directory")
        .to_path_buf();
    let dir = target.join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

/// One browser session, like one person at one device.
pub struct Browser {
    pub client: Client,
    base: String,
    /// chromedriver's address, for the WebDriver commands fantoccini does not wrap.
    driver: String,
    axe: Option<Arc<str>>,
    _profile: TempDir,
}

impl Browser {
    /// Opens `path` of the server under test.
    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// The path and query of the page shown.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    pub async fn find(&self, css: &str) -> Element {
        let path = self.path().await;
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} on {path}: {e}"))
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("text")
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css).await.attr(name).await.expect("attribute")
    }

    /// The page's language (`<html lang>`).
    pub async fn lang(&self) -> String {
        self.attr("html", "lang").await.unwrap_or_default()
    }

    /// Clicks the first element matching `css` and waits for the page it leads to (also a
    /// form answered at the same address, as one with errors is).
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.mark_page().await;
        element.click().await.expect("click");
        self.wait_for_next_page().await;
    }

    /// Types `text` into the field matching `css`, replacing what was there.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("clear the field");
        field.send_keys(text).await.expect("type");
    }

    /// Types the date `iso` (`YYYY-MM-DD`) into the date field matching `css` as a person
    /// does: its digits in the order of the browser's language (day first in Polish).
    pub async fn type_date(&self, css: &str, iso: &str) {
        let order = self
            .script(
                "return new Intl.DateTimeFormat().formatToParts(new Date(2001, 1, 3)) \
                   .filter(p => p.type !== 'literal').map(p => p.type);",
            )
            .await;
        let (y, rest) = iso.split_once('-').expect("YYYY-MM-DD");
        let (m, d) = rest.split_once('-').expect("YYYY-MM-DD");
        let digits: String = order
            .as_array()
            .expect("date parts")
            .iter()
            .map(|p| match p.as_str() {
                Some("year") => y,
                Some("month") => m,
                _ => d,
            })
            .collect();
        self.find(css).await.send_keys(&digits).await.expect("type");
        let value = self.value(css).await;
        assert_eq!(value, iso, "{css} after typing {digits} ({order})");
    }

    /// Chooses the option with `value` in the select list matching `css`.
    pub async fn choose(&self, css: &str, value: &str) {
        let list = self.find(css).await;
        list.select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("{css}: option {value}: {e}"));
    }

    /// Ticks the checkbox matching `css` (left ticked when it is).
    pub async fn tick(&self, css: &str) {
        let b = self.find(css).await;
        if !b.is_selected().await.expect("checkbox state") {
            b.click().await.expect("tick");
        }
    }

    /// The value a field holds now (as the browser would send it).
    pub async fn value(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// The visible text of the whole page.
    pub async fn page_text(&self) -> String {
        self.text("body").await
    }

    /// Types `text` into the field matching `css`, then Enter (submitting its form as a
    /// keyboard user does), and waits for the page it leads to.
    pub async fn type_and_enter(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.click().await.expect("focus the field");
        field.clear().await.expect("clear the field");
        self.mark_page().await;
        field
            .send_keys(&format!("{text}{}", char::from(Key::Enter)))
            .await
            .expect("type");
        self.wait_for_next_page().await;
    }

    /// Marks the document shown, so that [`Browser::wait_for_next_page`] can tell it from the
    /// next one, even at the same address.
    async fn mark_page(&self) {
        self.script("document.documentElement.dataset.e2eLeft = '1';")
            .await;
    }

    /// Waits until the marked document is replaced by a new one that has loaded.
    async fn wait_for_next_page(&self) {
        let start = Instant::now();
        loop {
            // While the browser is between pages a script may fail: try again.
            let state = self
                .client
                .execute(
                    "return [document.documentElement.dataset.e2eLeft || '', document.readyState];",
                    Vec::new(),
                )
                .await
                .unwrap_or_default();
            if state == json!(["", "complete"]) {
                return;
            }
            let now = self.client.current_url().await.map(|u| u.to_string());
            assert!(
                start.elapsed() < PATIENCE,
                "no new page after {PATIENCE:?} (at {now:?})"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Presses keys one after another, on whatever has the focus (a WebDriver key action).
    pub async fn press(&self, keys: &[Key]) {
        let mut actions = KeyActions::new("keyboard".into());
        for k in keys {
            let value = char::from(*k);
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.client.perform_actions(actions).await.expect("keys");
        self.client.release_actions().await.expect("release keys");
    }

    /// Presses keys as [`Browser::press`] does, then waits for the page they lead to (Enter
    /// on a form's button).
    pub async fn press_and_wait(&self, keys: &[Key]) {
        self.mark_page().await;
        self.press(keys).await;
        self.wait_for_next_page().await;
    }

    /// Types `text` into whatever has the focus, without moving it there first.
    pub async fn type_here(&self, text: &str) {
        let field = self.client.active_element().await.expect("focused element");
        field.send_keys(text).await.expect("type");
    }

    /// What has the keyboard focus: tag, id, class and text, for assertions and messages.
    pub async fn focused(&self) -> Value {
        self.script(
            "const e = document.activeElement; \
             return {tag: e.tagName.toLowerCase(), id: e.id, class: e.className, \
                     text: (e.innerText || '').trim(), href: e.getAttribute('href')};",
        )
        .await
    }

    pub async fn script(&self, js: &str) -> Value {
        self.client
            .execute(js, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script: {e}"))
    }

    /// Resizes the window so that the page's viewport is `width` x `height` CSS pixels.
    pub async fn viewport(&self, (width, height): (u32, u32)) {
        let mut outer = (width, height);
        for _ in 0..3 {
            self.client
                .set_window_size(outer.0, outer.1)
                .await
                .expect("window size");
            let v = self
                .script("return [window.innerWidth, window.innerHeight];")
                .await;
            let inner = (
                v[0].as_u64().unwrap_or(0) as u32,
                v[1].as_u64().unwrap_or(0) as u32,
            );
            if inner == (width, height) {
                return;
            }
            outer = (
                (outer.0 + width).saturating_sub(inner.0),
                (outer.1 + height).saturating_sub(inner.1),
            );
        }
    }

    /// The elements sticking out past the right edge of the viewport (sideways scrolling on
    /// a phone), as `tag.class` descriptions; empty when the page fits. What is inside a box
    /// that scrolls sideways by itself (a wide table) does not count.
    pub async fn overflow(&self) -> Vec<String> {
        let v = self
            .script(
                "const w = document.documentElement.clientWidth; const out = []; \
                 const scrolls = e => { \
                   for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) \
                     if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) \
                       return true; \
                   return false; }; \
                 for (const e of document.querySelectorAll('body *')) { \
                   const r = e.getBoundingClientRect(); \
                   if (r.width > 0 && r.right > w + 1 && !scrolls(e)) \
                     out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') \
                              + ' right=' + Math.round(r.right)); \
                 } \
                 if (document.documentElement.scrollWidth > w) \
                   out.push('document scrollWidth=' + document.documentElement.scrollWidth); \
                 return out;",
            )
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    /// The role the browser's accessibility tree gives `e` (what a screen reader is told:
    /// `cell`, `columnheader`, `table`...), through WebDriver's "Get Computed Role".
    pub async fn computed_role(&self, e: &Element) -> String {
        let session = self.client.session_id().await.expect("session id");
        let session = session.expect("a session");
        let url = format!(
            "{}/session/{session}/element/{}/computedrole",
            self.driver,
            e.element_id()
        );
        let v: Value = reqwest::get(&url)
            .await
            .and_then(|r| r.error_for_status())
            .unwrap_or_else(|e| panic!("computed role: {e}"))
            .json()
            .await
            .expect("computed role");
        v["value"].as_str().unwrap_or_default().to_string()
    }

    /// Makes the page shown render for `media` (`"print"`, or `""` for the screen again), as
    /// the browser's print preview does: Chrome's DevTools command, through chromedriver.
    pub async fn emulate_media(&self, media: &str) {
        let session = self.client.session_id().await.expect("session id");
        let session = session.expect("a session");
        let url = format!("{}/session/{session}/goog/cdp/execute", self.driver);
        let body = json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": media}});
        reqwest::Client::new()
            .post(&url)
            .json(&body)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .unwrap_or_else(|e| panic!("emulate {media:?} media: {e}"));
    }

    /// The tables of the page shown that stack their rows on a phone (`table.stack-table`),
    /// checked at the width shown: each cell is labelled (`data-label`) with its column's
    /// header text and, where the header row is hidden from sight, shows that label before its
    /// content (but the first, which leads its row); the browser still exposes a table of
    /// column headers and cells to screen readers. Returns how many such tables there are.
    pub async fn assert_stacked_tables(&self, name: &str) -> usize {
        let v = self
            .script(
                "return [...document.querySelectorAll('table.stack-table')].map(t => ({ \
                   hidden: t.tHead.getBoundingClientRect().height <= 1, \
                   heads: [...t.tHead.rows[0].cells].map(c => c.textContent.trim()), \
                   rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(c => ({ \
                     label: c.dataset.label ?? null, \
                     before: getComputedStyle(c, '::before').content })) ) }));",
            )
            .await;
        let tables = v.as_array().cloned().unwrap_or_default();
        for (i, t) in tables.iter().enumerate() {
            let heads = t["heads"].as_array().expect("headers");
            let hidden = t["hidden"] == json!(true);
            for row in t["rows"].as_array().expect("rows") {
                let cells = row.as_array().expect("cells");
                assert_eq!(cells.len(), heads.len(), "{name}: table {i}: {row}");
                for (c, (cell, head)) in cells.iter().zip(heads).enumerate() {
                    assert_eq!(&cell["label"], head, "{name}: table {i}, column {c}");
                    let shown =
                        cell["before"] == json!(format!("\"{}\"", head.as_str().unwrap_or("")));
                    assert_eq!(
                        shown,
                        hidden && c > 0,
                        "{name}: table {i}, column {c}: label shown as {} (header row hidden: {hidden})",
                        cell["before"]
                    );
                }
            }
        }
        if !tables.is_empty() {
            let table = self.find("table.stack-table").await;
            assert_eq!(self.computed_role(&table).await, "table", "{name}");
            let th = self.find("table.stack-table thead th").await;
            assert_eq!(self.computed_role(&th).await, "columnheader", "{name}");
            for td in self
                .find_all("table.stack-table tbody tr:first-child td")
                .await
            {
                assert_eq!(self.computed_role(&td).await, "cell", "{name}");
            }
        }
        tables.len()
    }

    /// Saves the whole page at `size` (the viewport's width; the height grown to the page's)
    /// as `<name>-<width>.png` in [`screenshot_dir`]; returns the file. Leaves the viewport
    /// at `size`.
    pub async fn screenshot(&self, name: &str, size: (u32, u32)) -> PathBuf {
        self.viewport(size).await;
        let full = self
            .script("return document.documentElement.scrollHeight;")
            .await
            .as_u64()
            .unwrap_or(size.1.into()) as u32;
        if full > size.1 {
            self.viewport((size.0, full.min(8000))).await;
        }
        let png = self.client.screenshot().await.expect("screenshot");
        self.viewport(size).await;
        let file = screenshot_dir().join(format!("{name}-{}.png", size.0));
        std::fs::write(&file, png).expect("write screenshot");
        file
    }

    /// Runs axe-core on the page shown with the [`WCAG_TAGS`] rules and its best practices;
    /// `None` when axe is not installed (and not required).
    pub async fn audit(&self) -> Option<Audit> {
        let source = self.axe.as_deref()?;
        // Each new document needs the engine again; a second audit of the same one does not.
        if self.script("return typeof window.axe;").await != json!("object") {
            self.script(source).await;
        }
        let tags = [&WCAG_TAGS[..], &[ADVICE_TAG]].concat();
        let result = self.client.execute_async(RUN_AXE, vec![json!(tags)]).await;
        let result = match result {
            Ok(r) if r.get("error").is_none() => r,
            Ok(r) => panic!("axe on {}: {}", self.path().await, r["error"]),
            Err(e) => panic!("axe on {}: {e}", self.path().await),
        };
        Some(serde_json::from_value(result).unwrap_or_else(|e| panic!("axe's result: {e}")))
    }

    /// Audits the page shown (see [`Browser::audit`]): fails on any serious or critical
    /// violation of WCAG A/AA, listing each with its rule, help and the offending elements;
    /// reports the others (moderate and minor ones, best practices) and what axe could not
    /// decide as notices. `name` says which
    /// page and width in the messages.
    pub async fn assert_accessible(&self, name: &str) {
        let Some(audit) = self.audit().await else {
            return;
        };
        // An engine that checks nothing would pass every page.
        assert!(
            audit.passed > 0,
            "axe ({name}): no rule passed, so none ran"
        );
        // axe ships its WCAG 2.2 rule turned off by default; asked for by its tag, it runs.
        assert!(
            audit.ran.iter().any(|r| r == "target-size"),
            "axe ({name}): the target size (WCAG 2.2) was not checked"
        );
        let (blocking, other): (Vec<_>, Vec<_>) = audit.violations.iter().partition(|v| v.blocks());
        if !other.is_empty() {
            let list: String = other.iter().map(ToString::to_string).collect();
            notice(&format!("accessibility ({name}): to look at:\n{list}"));
        }
        if !audit.incomplete.is_empty() {
            notice(&format!(
                "accessibility ({name}): axe could not decide {}",
                audit.incomplete.join(", ")
            ));
        }
        if !blocking.is_empty() {
            let list: String = blocking.iter().map(ToString::to_string).collect();
            panic!(
                "accessibility ({name}, {}): {} serious or critical violation(s) of WCAG 2.0/2.1 A/AA or 2.2 AA:\n{list}",
                self.path().await,
                blocking.len()
            );
        }
    }

    pub async fn close(self) {
        self.client.close().await.expect("close the browser");
    }
}
