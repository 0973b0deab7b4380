//! Counting steps: each passes, fails, or fails the way `known.json` says moto deviates from
//! AWS (then it is skipped, with the reason printed). A known failure that passes is a
//! failure too, so the list cannot go stale.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::future::Future;
use std::time::Instant;

/// The moto deviations: `"<service>/<step>"` to the reason.
pub struct Known(BTreeMap<String, String>);

impl Known {
    /// Reads the list; a missing or malformed file is an error (the run would otherwise
    /// report deviations as failures, or hide them).
    pub fn load(path: &str) -> Result<Known, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let entries: BTreeMap<String, String> =
            serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
        Ok(Known(entries))
    }
}

/// The steps of one service's scenario.
pub struct Service<'k> {
    name: &'static str,
    known: &'k Known,
    started: Instant,
    passed: u32,
    failed: u32,
    skipped: u32,
}

impl<'k> Service<'k> {
    pub fn new(name: &'static str, known: &'k Known) -> Self {
        Service {
            name,
            known,
            started: Instant::now(),
            passed: 0,
            failed: 0,
            skipped: 0,
        }
    }

    /// Runs one step: its value when it passed, `None` when it failed (the reason printed).
    pub async fn step<T, E: Display>(
        &mut self,
        step: &str,
        run: impl Future<Output = Result<T, E>>,
    ) -> Option<T> {
        let started = Instant::now();
        let outcome = run.await;
        self.record(step, started, outcome)
    }

    /// [`Service::step`] for a blocking step.
    pub fn step_blocking<T, E: Display>(
        &mut self,
        step: &str,
        run: impl FnOnce() -> Result<T, E>,
    ) -> Option<T> {
        let started = Instant::now();
        let outcome = run();
        self.record(step, started, outcome)
    }

    fn record<T, E: Display>(
        &mut self,
        step: &str,
        started: Instant,
        outcome: Result<T, E>,
    ) -> Option<T> {
        let millis = started.elapsed().as_millis();
        let key = format!("{}/{step}", self.name);
        match (outcome, self.known.0.get(&key)) {
            (Ok(value), None) => {
                self.passed += 1;
                println!("  ok    {key} ({millis} ms)");
                Some(value)
            }
            (Ok(_), Some(_)) => {
                self.failed += 1;
                println!("  FAIL  {key}: passes, but known.json lists it as a moto deviation");
                None
            }
            (Err(error), Some(reason)) => {
                self.skipped += 1;
                println!("  skip  {key}: {reason} (got: {error})");
                None
            }
            (Err(error), None) => {
                self.failed += 1;
                println!("  FAIL  {key}: {error}");
                None
            }
        }
    }

    /// Prints the service's line; its counts. A scenario stops at a failed step whose result
    /// the next ones need, so the steps after it are not counted.
    pub fn finish(self) -> (u32, u32, u32) {
        println!(
            "e2e {}: {} passed, {} failed, {} skipped ({} ms)",
            self.name,
            self.passed,
            self.failed,
            self.skipped,
            self.started.elapsed().as_millis()
        );
        (self.passed, self.failed, self.skipped)
    }
}
