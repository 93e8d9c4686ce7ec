//! Ordered parallel map over one batch: worker threads take items by index
//! from a shared counter (so one long document does not hold up a whole
//! share of the batch) and the results come back in input order, whatever
//! the number of threads.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `items.iter().map(f).collect()`, computed on up to `threads` scoped threads.
///
/// `f` should not panic (catch panics inside it); if it does, the panic is
/// passed on to the caller once all workers have stopped.
pub fn map_ordered<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result) in done {
                slots[i] = Some(result);
            }
        }
    });
    slots
        .into_iter()
        .map(|slot| slot.expect("every index is taken by exactly one worker"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_keep_input_order_for_any_thread_count() {
        let items: Vec<u64> = (0..500).collect();
        let want: Vec<u64> = items.iter().map(|i| i * i).collect();
        for threads in [1, 2, 3, 8, 1000] {
            let got = map_ordered(&items, threads, |&i| {
                // Uneven work, so workers finish out of order.
                if i % 7 == 0 {
                    std::thread::sleep(Duration::from_micros(200));
                }
                i * i
            });
            assert_eq!(got, want, "{threads} threads");
        }
    }

    #[test]
    fn empty_batch() {
        let got: Vec<u8> = map_ordered(&[] as &[u8], 4, |&b| b);
        assert!(got.is_empty());
    }

    #[test]
    fn work_is_spread_over_threads() {
        let items: Vec<u32> = (0..64).collect();
        let ids = map_ordered(&items, 4, |_| {
            std::thread::sleep(Duration::from_millis(2));
            std::thread::current().id()
        });
        let distinct: std::collections::HashSet<_> = ids.into_iter().collect();
        assert!(distinct.len() > 1, "ran on one thread only");
    }
}
