//! The `crosscheck` binary: parses arguments, calls the library, prints, and maps outcomes
//! to exit codes (0 ok, 1 error or rejected input, 2 usage).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    // A panic is a bug, but the user gets one line and exit 1, not a backtrace; the library
    // already turns panics inside tantivy's readers into "damaged index" errors.
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(|| cli::run(args));
    match outcome {
        Ok(Ok(code)) => code,
        Ok(Err(err)) if closed_pipe(&err) => ExitCode::SUCCESS,
        Ok(Err(err)) => {
            eprintln!("error: {err:#}");
            let usage = err
                .downcast_ref::<crosscheck::Error>()
                .is_some_and(|e| matches!(e, crosscheck::Error::Usage(_)));
            ExitCode::from(if usage { 2 } else { 1 })
        }
        Err(panic) => {
            let message = crosscheck::panic_message(&*panic);
            if message.contains("Broken pipe") {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: internal error ({message}); please report it");
            ExitCode::from(1)
        }
    }
}

/// The reader of our output went away (`| head`): stop quietly, like grep and ripgrep.
fn closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            Some(io.kind())
        } else if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            json.io_error_kind()
        } else if let Some(err) = cause.downcast_ref::<crosscheck::Error>() {
            err.io_kind()
        } else {
            None
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
