//! The ordered worker pool: work on a list at most `jobs` items at a time, each result
//! handed back in the list's order as soon as it and every one before it are done. Several
//! cases and downloads both run on it.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// How one item ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Finished<R> {
    Done(R),
    /// Never started: the run was stopped before its turn.
    Skipped,
    /// Its work panicked.
    Failed,
}

/// What the pool shares between its workers and the thread that hands results on.
struct Shared<R> {
    state: Mutex<PoolState<R>>,
    changed: Condvar,
}

struct PoolState<R> {
    /// The next item a worker takes.
    next: usize,
    /// The first item not yet handed on.
    handed: usize,
    /// Results waiting for the ones before them.
    waiting: BTreeMap<usize, Finished<R>>,
}

impl<R> Shared<R> {
    fn lock(&self) -> MutexGuard<'_, PoolState<R>> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, PoolState<R>>) -> MutexGuard<'a, PoolState<R>> {
        self.changed
            .wait(guard)
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Runs `work` on every item, at most `jobs` at a time, and hands each result to `emit` in
/// the items' order, as soon as it and all before it are done. A worker takes no item more
/// than `2 × jobs` ahead of the first one not yet handed on, so what waits stays bounded
/// however long the list. `stop` is checked right before each item starts: once it is set
/// (by `work`, by the caller, or because `emit` returned `false`), the items not yet started
/// end as [`Finished::Skipped`]. After `emit` returns `false` it is not called again.
pub fn in_order<T, R>(
    items: &[T],
    jobs: usize,
    stop: &AtomicBool,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(&T, Finished<R>) -> bool,
) where
    T: Sync,
    R: Send,
{
    let jobs = jobs.clamp(1, items.len().max(1));
    let ahead = 2 * jobs;
    let shared = Shared {
        state: Mutex::new(PoolState {
            next: 0,
            handed: 0,
            waiting: BTreeMap::new(),
        }),
        changed: Condvar::new(),
    };
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| worker(items, ahead, stop, &shared, &work));
        }
        let mut emitting = true;
        for (index, item) in items.iter().enumerate() {
            let finished = {
                let mut state = shared.lock();
                loop {
                    if let Some(finished) = state.waiting.remove(&index) {
                        state.handed = index + 1;
                        break finished;
                    }
                    state = shared.wait(state);
                }
            };
            shared.changed.notify_all();
            if emitting && !emit(item, finished) {
                emitting = false;
                stop.store(true, Ordering::SeqCst);
            }
        }
    });
}

fn worker<T, R>(
    items: &[T],
    ahead: usize,
    stop: &AtomicBool,
    shared: &Shared<R>,
    work: &(impl Fn(&T) -> R + Sync),
) {
    loop {
        let index = {
            let mut state = shared.lock();
            while state.next < items.len() && state.next >= state.handed + ahead {
                state = shared.wait(state);
            }
            if state.next >= items.len() {
                return;
            }
            state.next += 1;
            state.next - 1
        };
        let finished = if stop.load(Ordering::SeqCst) {
            Finished::Skipped
        } else {
            match catch_unwind(AssertUnwindSafe(|| work(&items[index]))) {
                Ok(result) => Finished::Done(result),
                Err(_) => Finished::Failed,
            }
        };
        shared.lock().waiting.insert(index, finished);
        shared.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[test]
    fn results_come_in_the_order_given_whatever_finishes_first() {
        let items: Vec<u64> = (0..12).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            4,
            &AtomicBool::new(false),
            |n| {
                // The first items take longest.
                std::thread::sleep(Duration::from_millis(30 - 2 * n));
                n * 10
            },
            |n, finished| {
                assert_eq!(finished, Finished::Done(n * 10));
                seen.push(*n);
                true
            },
        );
        assert_eq!(seen, items);
    }

    #[test]
    fn workers_stay_within_twice_the_jobs_of_the_first_result_not_handed_on() {
        let items: Vec<usize> = (0..40).collect();
        let handed = AtomicUsize::new(0);
        let furthest = AtomicUsize::new(0);
        in_order(
            &items,
            3,
            &AtomicBool::new(false),
            |n| {
                let lead = n - handed.load(Ordering::SeqCst);
                furthest.fetch_max(lead, Ordering::SeqCst);
                // The first item is slow: everything else must wait for it.
                if *n == 0 {
                    std::thread::sleep(Duration::from_millis(50));
                }
            },
            |n, _| {
                handed.store(n + 1, Ordering::SeqCst);
                true
            },
        );
        assert!(furthest.load(Ordering::SeqCst) <= 6, "{furthest:?}");
    }

    #[test]
    fn a_stop_skips_every_item_not_yet_started() {
        let items: Vec<usize> = (0..10).collect();
        let stop = AtomicBool::new(false);
        let mut outcomes = Vec::new();
        in_order(
            &items,
            1,
            &stop,
            |n| {
                if *n == 3 {
                    stop.store(true, Ordering::SeqCst);
                }
            },
            |_, finished| {
                outcomes.push(matches!(finished, Finished::Done(())));
                true
            },
        );
        let mut expected = vec![true; 4];
        expected.extend([false; 6]);
        assert_eq!(outcomes, expected);
    }

    #[test]
    fn emit_saying_no_stops_the_run_and_is_not_called_again() {
        let items: Vec<usize> = (0..50).collect();
        let started = AtomicUsize::new(0);
        let mut calls = 0;
        in_order(
            &items,
            2,
            &AtomicBool::new(false),
            |_| {
                started.fetch_add(1, Ordering::SeqCst);
            },
            |_, _| {
                calls += 1;
                false
            },
        );
        assert_eq!(calls, 1);
        assert!(started.load(Ordering::SeqCst) <= 5, "{started:?}");
    }

    #[test]
    fn a_panicking_item_fails_alone() {
        let items = [1, 2, 3];
        let mut outcomes = Vec::new();
        in_order(
            &items,
            2,
            &AtomicBool::new(false),
            |n| {
                if *n == 2 {
                    panic!("boom");
                }
                *n
            },
            |_, finished| {
                outcomes.push(finished);
                true
            },
        );
        assert_eq!(
            outcomes,
            [Finished::Done(1), Finished::Failed, Finished::Done(3)]
        );
    }
}
