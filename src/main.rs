//! The `crosscheck` binary: parses arguments, calls the library, prints, and maps outcomes
//! to exit codes (0 ok, 1 error or rejected input, 2 usage).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            let usage = err
                .downcast_ref::<crosscheck::Error>()
                .is_some_and(|e| matches!(e, crosscheck::Error::Usage(_)));
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}
