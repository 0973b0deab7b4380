//! `credential_process`: run a command, read credentials from the JSON it prints.
//!
//! The command runs through the platform shell (`sh -c`, `cmd /C`) as the SDKs run it, on a
//! thread of its own so the caller's async runtime is never blocked and none is required.
//! Its output must be `{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ...,
//! "SessionToken": ..., "Expiration": ...}`.

use std::fmt;
use std::process::{Command, Output, Stdio};

use super::document::{self, PROCESS};
use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{Credentials, CredentialsError};

const PROVIDER: &str = "credential_process";
/// How much of the command's stderr an error quotes, so a chatty tool cannot flood a log.
const STDERR_QUOTE_LIMIT: usize = 200;

/// A `credential_process` command. `Debug` and errors show the program, not its arguments,
/// which may carry a password.
///
/// ```
/// use awso_client::credentials::{CredentialProcess, ProvideCredentials};
///
/// let process = CredentialProcess::new(
///     r#"echo '{"Version": 1, "AccessKeyId": "AKIDEXAMPLE", "SecretAccessKey": "secret"}'"#,
/// );
/// assert!(!format!("{process:?}").contains("secret"));
/// # #[cfg(unix)]
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let credentials = process.provide_credentials().await.unwrap();
/// assert_eq!(credentials.access_key_id(), "AKIDEXAMPLE");
/// # });
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct CredentialProcess {
    command: String,
}

impl CredentialProcess {
    /// The command line, as written after `credential_process =`.
    pub fn new(command: impl Into<String>) -> Self {
        CredentialProcess {
            command: command.into(),
        }
    }

    /// The first word of the command: what messages may show.
    pub fn program(&self) -> &str {
        self.command.split_whitespace().next().unwrap_or("")
    }

    /// Runs the command and reads its credentials.
    pub async fn run(&self) -> Result<Credentials, CredentialsError> {
        let output = self.output().await?;
        if !output.status.success() {
            return Err(self.exit_error(&output));
        }
        let object = document::parse_object(PROVIDER, &output.stdout)?;
        match object.get("Version").and_then(serde_json::Value::as_u64) {
            Some(1) => {}
            _ => {
                return Err(CredentialsError::failed(
                    PROVIDER,
                    format!("`{}` printed no `\"Version\": 1`", self.program()),
                ));
            }
        }
        document::credentials_from(PROVIDER, &object, PROCESS)
    }

    async fn output(&self) -> Result<Output, CredentialsError> {
        let mut command = shell_command(&self.command);
        command.stdin(Stdio::null());
        let (sender, receiver) = tokio::sync::oneshot::channel();
        std::thread::Builder::new()
            .name("credential_process".to_owned())
            .spawn(move || {
                // The receiver may be gone if the caller gave up; nothing to do then.
                let _ = sender.send(command.output());
            })
            .map_err(|error| self.spawn_error(error))?;
        match receiver.await {
            Ok(Ok(output)) => Ok(output),
            Ok(Err(error)) => Err(self.spawn_error(error)),
            Err(_) => Err(CredentialsError::failed(
                PROVIDER,
                "the thread running the command stopped without an answer",
            )),
        }
    }

    fn spawn_error(&self, error: std::io::Error) -> CredentialsError {
        CredentialsError::failed(PROVIDER, format!("cannot run `{}`", self.program()))
            .with_source(error)
    }

    fn exit_error(&self, output: &Output) -> CredentialsError {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr = stderr.trim();
        let quoted: String = stderr.chars().take(STDERR_QUOTE_LIMIT).collect();
        let ellipsis = if quoted.len() < stderr.len() {
            "..."
        } else {
            ""
        };
        CredentialsError::failed(
            PROVIDER,
            format!(
                "`{}` exited with {}: {quoted}{ellipsis}",
                self.program(),
                output.status
            ),
        )
    }
}

#[cfg(not(windows))]
fn shell_command(line: &str) -> Command {
    let mut command = Command::new("sh");
    command.arg("-c").arg(line);
    command
}

#[cfg(windows)]
fn shell_command(line: &str) -> Command {
    let mut command = Command::new("cmd.exe");
    command.arg("/C").arg(line);
    command
}

impl ProvideCredentials for CredentialProcess {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.run())
    }
}

impl fmt::Debug for CredentialProcess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let arguments = format_args!("{}", super::REDACTED);
        f.debug_struct("CredentialProcess")
            .field("program", &self.program())
            .field("arguments", &arguments)
            .finish()
    }
}
