//! The browser harness: chromedriver as a child process (killed with the Chromium it started
//! when the harness is dropped, also when a test fails), headless Chromium sessions through
//! WebDriver, and the Klaster server as it runs in production (job runner with mail to a local
//! SMTP sink, search index kept in sync) on a fresh SQLite database.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use klaster_notify::testing::SmtpSink;
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

    pub async fn close(self) {
        self.client.close().await.expect("close the browser");
    }
}
