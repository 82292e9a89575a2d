//! `crosscheck serve`: the web app and JSON API over the index, until interrupted.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use crosscheck::serve::{serve, ServeOptions, REQUEST_TIMEOUT, RESPONSE_CACHE_MB};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on. Loopback by default: the pages show whatever the corpus says,
    /// to anyone who can reach them. Port 0 picks a free port (printed on start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Seconds a request may spend reading the index before it is answered 503.
    #[arg(long, default_value_t = REQUEST_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,
    /// Megabytes of API answers kept in memory until the index changes (0 keeps none).
    #[arg(long, default_value_t = RESPONSE_CACHE_MB, value_parser = clap::value_parser!(u64).range(0..=65536))]
    pub cache_mb: u64,
}

pub fn run(index_dir: &Path, args: Args) -> anyhow::Result<ExitCode> {
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "warning: serving on {}, which other machines may reach; the index's articles \
             and claims are shown to anyone who connects",
            args.addr
        );
    }
    let options = ServeOptions {
        index_dir: index_dir.to_owned(),
        addr: args.addr,
        request_timeout: std::time::Duration::from_secs(args.timeout),
        response_cache_bytes: usize::try_from(args.cache_mb)
            .unwrap_or(usize::MAX)
            .saturating_mul(1024 * 1024),
    };
    serve(&options, |bound| {
        // one line a script can read for the port; a closed stdout is no reason to stop
        let mut out = std::io::stdout();
        let _ = writeln!(out, "listening on http://{bound}").and_then(|()| out.flush());
    })?;
    Ok(ExitCode::SUCCESS)
}
