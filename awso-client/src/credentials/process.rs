//! `credential_process`: run a command, read credentials from the JSON it prints.
//!
//! The command runs through the platform shell (`sh -c`, `cmd /C`) as the SDKs run it, on a
//! thread of its own so the caller's async runtime is never blocked and none is required.
//! Its output must be `{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ...,
//! "SessionToken": ..., "Expiration": ...}`.
//!
//! A command still running after its timeout ([`DEFAULT_PROCESS_TIMEOUT`] unless set) is
//! killed and the call fails: the SDKs wait forever, but a cached provider holds its lock
//! while the command runs, so one hung tool would block every request of the process. On Unix
//! the command leads a process group of its own and the whole group is killed, so what the
//! shell started (a pipeline, a background helper) does not outlive it.

use std::fmt;
use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::document::{self, PROCESS};
use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{Credentials, CredentialsError};

const PROVIDER: &str = "credential_process";
/// How much of the command's stderr an error quotes, so a chatty tool cannot flood a log.
const STDERR_QUOTE_LIMIT: usize = 200;
/// The most output read from the command: a credentials document is a few kilobytes.
const OUTPUT_LIMIT: u64 = 1024 * 1024;
/// How often the helper thread looks whether the command has exited.
const POLL_INTERVAL: Duration = Duration::from_millis(10);

/// How long a `credential_process` command may run before it is killed: one minute.
///
/// Long enough for the interactive tools people put there (a browser sign-in, a hardware key
/// touch, an MFA prompt on another device take tens of seconds), short enough that a hung tool
/// fails the callers queued behind the cache instead of blocking them for good.
///
/// ```
/// use std::time::Duration;
/// use awso_client::credentials::{CredentialProcess, DEFAULT_PROCESS_TIMEOUT};
/// assert_eq!(DEFAULT_PROCESS_TIMEOUT, Duration::from_secs(60));
/// assert_eq!(CredentialProcess::new("my-tool").timeout(), DEFAULT_PROCESS_TIMEOUT);
/// ```
pub const DEFAULT_PROCESS_TIMEOUT: Duration = Duration::from_secs(60);

/// What the command left when it exited.
struct Output {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Why no output came.
enum RunError {
    Io(std::io::Error),
    TimedOut,
}

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
    timeout: Duration,
}

impl CredentialProcess {
    /// The command line, as written after `credential_process =`, with the
    /// [`DEFAULT_PROCESS_TIMEOUT`].
    ///
    /// ```
    /// use awso_client::credentials::CredentialProcess;
    /// let process = CredentialProcess::new(String::from("vault-helper --password hunter2"));
    /// assert_eq!(process.program(), "vault-helper");
    /// assert!(!format!("{process:?}").contains("hunter2"));
    /// ```
    pub fn new(command: impl Into<String>) -> Self {
        CredentialProcess {
            command: command.into(),
            timeout: DEFAULT_PROCESS_TIMEOUT,
        }
    }

    /// The same command, killed when it runs longer than `timeout`.
    ///
    /// ```
    /// use awso_client::credentials::CredentialProcess;
    /// use std::time::Duration;
    ///
    /// let process = CredentialProcess::new("sleep 10").with_timeout(Duration::from_millis(50));
    /// assert_eq!(process.timeout(), Duration::from_millis(50));
    /// # #[cfg(unix)]
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let error = process.run().await.unwrap_err();
    /// assert!(error.message().ends_with("and was killed"), "{error}");
    /// # });
    /// ```
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long the command may run.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::credentials::CredentialProcess;
    /// let process = CredentialProcess::new("my-tool").with_timeout(Duration::from_secs(5));
    /// assert_eq!(process.timeout(), Duration::from_secs(5));
    /// ```
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The first word of the command: what messages may show.
    ///
    /// ```
    /// use awso_client::credentials::CredentialProcess;
    /// assert_eq!(CredentialProcess::new("  /usr/local/bin/creds --profile dev").program(), "/usr/local/bin/creds");
    /// ```
    pub fn program(&self) -> &str {
        self.command.split_whitespace().next().unwrap_or("")
    }

    /// Runs the command and reads its credentials.
    ///
    /// ```
    /// use awso_client::credentials::{CredentialProcess, ErrorKind};
    /// let ok = CredentialProcess::new(
    ///     r#"echo '{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "secret", "SessionToken": "t", "Expiration": "2030-01-01T00:00:00Z"}'"#,
    /// );
    /// let failing = CredentialProcess::new("echo 'no credentials for you' >&2; exit 3");
    /// # #[cfg(unix)]
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let credentials = ok.run().await.unwrap();
    /// assert_eq!((credentials.access_key_id(), credentials.session_token()), ("ASIAPROC", Some("t")));
    /// assert!(credentials.expiry().is_some());
    /// let error = failing.run().await.unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::ProviderFailed);
    /// # });
    /// ```
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
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let timeout = self.timeout;
        let (sender, receiver) = tokio::sync::oneshot::channel();
        std::thread::Builder::new()
            .name("credential_process".to_owned())
            .spawn(move || {
                // The receiver may be gone if the caller gave up; nothing to do then.
                let _ = sender.send(run_with_timeout(&mut command, timeout));
            })
            .map_err(|error| self.spawn_error(error))?;
        match receiver.await {
            Ok(Ok(output)) => Ok(output),
            Ok(Err(RunError::Io(error))) => Err(self.spawn_error(error)),
            Ok(Err(RunError::TimedOut)) => Err(CredentialsError::failed(
                PROVIDER,
                format!(
                    "`{}` did not finish within {:?} and was killed",
                    self.program(),
                    self.timeout
                ),
            )),
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

/// Runs `command`, reading its output on two threads (so a full pipe cannot stall it), and
/// kills it at `timeout`. The shell's own children may keep the pipes open after it exits or
/// is killed; their readers are waited for until the deadline only, then left to finish alone.
fn run_with_timeout(command: &mut Command, timeout: Duration) -> Result<Output, RunError> {
    let deadline = Instant::now() + timeout;
    let mut child = command.spawn().map_err(RunError::Io)?;
    let group = child.id();
    let stdout = child.stdout.take().map(read_to_end);
    let stderr = child.stderr.take().map(read_to_end);
    let outcome = wait_until(&mut child, deadline).and_then(|status| {
        Ok(Output {
            status,
            stdout: collect(stdout.as_ref(), deadline)?,
            stderr: collect(stderr.as_ref(), deadline)?,
        })
    });
    if matches!(outcome, Err(RunError::TimedOut)) {
        // The shell is gone; what it started may still hold the pipes, or just run on.
        kill_group(group);
    }
    outcome
}

fn wait_until(child: &mut Child, deadline: Instant) -> Result<ExitStatus, RunError> {
    loop {
        if let Some(status) = child.try_wait().map_err(RunError::Io)? {
            return Ok(status);
        }
        let now = Instant::now();
        if now >= deadline {
            // Either may fail if the command exited just now; it is gone either way.
            let _ = child.kill();
            let _ = child.wait();
            return Err(RunError::TimedOut);
        }
        std::thread::sleep(POLL_INTERVAL.min(deadline - now));
    }
}

fn read_to_end(pipe: impl Read + Send + 'static) -> Receiver<Vec<u8>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        // A read error leaves what was read; the document check reports what is missing.
        let _ = pipe.take(OUTPUT_LIMIT).read_to_end(&mut bytes);
        let _ = sender.send(bytes);
    });
    receiver
}

fn collect(reader: Option<&Receiver<Vec<u8>>>, deadline: Instant) -> Result<Vec<u8>, RunError> {
    let Some(reader) = reader else {
        return Ok(Vec::new());
    };
    let left = deadline.saturating_duration_since(Instant::now());
    match reader.recv_timeout(left) {
        Ok(bytes) => Ok(bytes),
        Err(RecvTimeoutError::Timeout) => Err(RunError::TimedOut),
        Err(RecvTimeoutError::Disconnected) => Ok(Vec::new()),
    }
}

#[cfg(unix)]
fn shell_command(line: &str) -> Command {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new("sh");
    // A group of its own, led by the shell: `kill_group` can then reach its descendants.
    command.arg("-c").arg(line).process_group(0);
    command
}

/// Kills every process of the group the command's shell led. The group id stays reserved
/// while any member lives, so it cannot name an unrelated process. `std` has no `killpg`
/// and the crate has no `unsafe`, so the shell's own `kill` does it: one short process, run
/// only after a timeout (`kill -KILL -PGID`: dash, the usual `sh`, takes no `--`).
#[cfg(unix)]
fn kill_group(group: u32) {
    let _ = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -KILL -{group} 2>/dev/null"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(not(unix))]
fn kill_group(_group: u32) {}

#[cfg(all(not(unix), not(windows)))]
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
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}
