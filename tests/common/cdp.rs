//! A small Chrome DevTools Protocol client for browser tests: Debian's headless Chromium on
//! a local debugging port, driven over one WebSocket (tungstenite). Only what the tests
//! use: navigate, type, press Enter, click at an element, read the DOM and the page's
//! errors. (The CDP crates checked fetch the protocol or a browser from the network when
//! built; this machine and CI have none.)

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

/// How long a step may take before the test fails.
const STEP: Duration = Duration::from_secs(20);

/// Flags for a headless Chromium that stays quiet and offline.
pub const HEADLESS_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Debian's Chromium (or another Chromium) on this machine, if any.
pub fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|bin| {
            Command::new(bin)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// Chromium for a browser test, or `None` after printing that the test is skipped. CI
/// must have it (`.ci/run` installs it), so there a missing Chromium fails the test.
pub fn chromium_or_skip() -> Option<&'static str> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium (.ci/run installs it)"
        );
        println!("skipped: no chromium on this machine");
    }
    found
}

/// One browser with one page, closed when dropped.
pub struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    next_id: u64,
    /// Errors the page reported: exceptions, console errors, failed loads, CSP reports.
    pub errors: Vec<String>,
    events: Vec<Value>,
}

impl Browser {
    /// Starts `bin` headless with a fresh profile in `profile` and attaches to its page.
    pub fn launch(bin: &str, profile: &Path) -> Browser {
        let child = Command::new(bin)
            .args(HEADLESS_FLAGS)
            .args(["--remote-debugging-port=0", "--window-size=1200,900"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        // Chromium writes the port it picked into the profile
        let port_file = profile.join("DevToolsActivePort");
        let started = Instant::now();
        let port: u16 = loop {
            if let Some(port) = std::fs::read_to_string(&port_file)
                .ok()
                .and_then(|s| s.lines().next().and_then(|l| l.trim().parse().ok()))
            {
                break port;
            }
            assert!(started.elapsed() < STEP, "chromium did not open its port");
            std::thread::sleep(Duration::from_millis(50));
        };
        let targets: Value = loop {
            let list = http_get(port, "/json/list");
            if let Ok(v) = serde_json::from_str::<Value>(&list) {
                if v.as_array()
                    .is_some_and(|a| a.iter().any(|t| t["type"] == "page"))
                {
                    break v;
                }
            }
            assert!(started.elapsed() < STEP, "chromium opened no page");
            std::thread::sleep(Duration::from_millis(50));
        };
        let url = targets
            .as_array()
            .and_then(|a| a.iter().find(|t| t["type"] == "page"))
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .expect("a page target")
            .to_owned();
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to chromium");
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .expect("timeout");
        let (socket, _) = tungstenite::client(url.as_str(), stream).expect("websocket");
        let mut browser = Browser {
            child,
            socket,
            next_id: 0,
            errors: Vec::new(),
            events: Vec::new(),
        };
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            browser.call(domain, json!({}));
        }
        browser
    }

    /// Sends a command and waits for its answer (events met meanwhile are kept).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({ "id": id, "method": method, "params": params }).to_string();
        self.socket
            .send(Message::text(message))
            .expect("send to chromium");
        let started = Instant::now();
        loop {
            if let Some(msg) = self.receive() {
                if msg["id"].as_u64() == Some(id) {
                    assert!(msg.get("error").is_none(), "{method}: {msg}");
                    return msg["result"].clone();
                }
                self.keep(msg);
            }
            assert!(started.elapsed() < STEP, "{method} got no answer");
        }
    }

    fn receive(&mut self) -> Option<Value> {
        match self.socket.read() {
            Ok(Message::Text(text)) => serde_json::from_str(text.as_str()).ok(),
            Ok(_) => None,
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                None
            }
            Err(e) => panic!("chromium connection: {e}"),
        }
    }

    fn keep(&mut self, event: Value) {
        let params = &event["params"];
        match event["method"].as_str() {
            Some("Runtime.exceptionThrown") => self.errors.push(params.to_string()),
            Some("Runtime.consoleAPICalled") if params["type"] == "error" => {
                self.errors.push(params.to_string())
            }
            Some("Log.entryAdded") if params["entry"]["level"] == "error" => {
                self.errors.push(params["entry"].to_string())
            }
            _ => {}
        }
        self.events.push(event);
    }

    /// Waits for the page to finish loading (after a navigation or a submit).
    pub fn wait_for_load(&mut self) {
        let started = Instant::now();
        loop {
            if let Some(n) = self
                .events
                .iter()
                .position(|e| e["method"] == "Page.loadEventFired")
            {
                self.events.drain(..=n);
                return;
            }
            if let Some(msg) = self.receive() {
                self.keep(msg);
            }
            assert!(started.elapsed() < STEP, "the page did not load");
        }
    }

    pub fn navigate(&mut self, url: &str) {
        self.events.clear();
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_for_load();
    }

    /// The value of a script expression (read-only use: the DOM, an element's box).
    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        );
        result["result"]["value"].clone()
    }

    pub fn html(&mut self) -> String {
        self.eval("document.documentElement.outerHTML")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Clicks the middle of the first element `selector` matches, as a mouse would.
    pub fn click(&mut self, selector: &str) {
        let rect = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); if (!e) return null; \
             e.scrollIntoView(); const r = e.getBoundingClientRect(); \
             return [r.x + r.width / 2, r.y + r.height / 2]; }})()",
            serde_json::to_string(selector).unwrap_or_default()
        ));
        let (x, y) = (
            rect[0].as_f64().unwrap_or_else(|| panic!("no {selector}")),
            rect[1].as_f64().unwrap_or_default(),
        );
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            );
        }
    }

    /// Types `text` into the focused field, one key at a time as a keyboard would.
    pub fn type_text(&mut self, text: &str) {
        for ch in text.chars() {
            let key = ch.to_string();
            self.call(
                "Input.dispatchKeyEvent",
                json!({ "type": "keyDown", "key": key, "text": key }),
            );
            self.call(
                "Input.dispatchKeyEvent",
                json!({ "type": "keyUp", "key": key }),
            );
        }
    }

    pub fn press_enter(&mut self) {
        self.events.clear();
        self.call(
            "Input.dispatchKeyEvent",
            json!({ "type": "keyDown", "key": "Enter", "code": "Enter",
                    "windowsVirtualKeyCode": 13, "text": "\r" }),
        );
        self.call(
            "Input.dispatchKeyEvent",
            json!({ "type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13 }),
        );
    }

    /// A PNG of the page as shown.
    pub fn screenshot(&mut self) -> Vec<u8> {
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        base64_decode(shot["data"].as_str().unwrap_or_default())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP GET on localhost, the body as text.
pub fn http_get(port: u16, path: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let _ = write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    );
    let mut raw = String::new();
    let _ = stream.read_to_string(&mut raw);
    raw.split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default()
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, d)| acc | d << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len().max(1)]);
    }
    out
}
