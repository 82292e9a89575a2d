//! Helpers shared by the end-to-end tests: a temp workspace and the `crosscheck` binary.
#![allow(dead_code)]

pub mod cdp;
pub mod gold;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, content).expect("write fixture");
        path
    }

    pub fn index_dir(&self) -> PathBuf {
        self.path("index")
    }

    /// `crosscheck --index <ws>/index ARGS...`, run in the workspace folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::cargo_bin("crosscheck")
            .expect("binary")
            .current_dir(self.dir.path())
            .env_remove("CROSSCHECK_INDEX")
            .arg("--index")
            .arg(self.index_dir())
            .args(args)
            .output()
            .expect("run crosscheck")
    }

    pub fn stats(&self) -> serde_json::Value {
        let out = self.run(&["stats", "--format", "json"]);
        assert!(out.status.success(), "stats failed: {}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("stats json")
    }

    pub fn search(&self, args: &[&str]) -> Vec<serde_json::Value> {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = self.run(&all);
        assert!(out.status.success(), "search failed: {}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("search json")
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `../shared/<rel>` beside the repository, when this checkout has it.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    path.exists().then_some(path)
}

pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}
