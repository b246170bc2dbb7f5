//! An ordered parallel map with a bounded window: workers take items in order, the caller's thread
//! receives each result in item order as soon as it and all items before it are done. At most
//! `window` results are in flight, so memory is bounded by the window, not by the number of
//! items, and no worker waits for a whole chunk to finish. Workers take short runs of
//! consecutive items (at most 8) so that the caller's thread is woken once a run.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// The number of workers: `RAYON_NUM_THREADS` when set to a positive number (it chose the
/// workers of `check` before), otherwise the available cores.
pub fn threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The workers for `n` items: one for a single item, without reading the core count (the
/// cgroup files it reads cost a single-file `check` more than its rules).
pub fn threads_for(n: usize) -> usize {
    if n <= 1 {
        1
    } else {
        threads()
    }
}

/// Runs `work(i)` for `i` in `0..n` on `threads` workers and hands every result to `sink` in
/// order of `i`, on the calling thread. A worker starts item `i` only once fewer than `window`
/// items before it are still unwritten. An error from `sink` stops the run (items started are
/// finished, none is started after) and is returned.
pub fn map_ordered<T, E>(
    n: usize,
    threads: usize,
    window: usize,
    work: impl Fn(usize) -> T + Sync,
    mut sink: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
{
    let window = window.max(1);
    let threads = threads.clamp(1, n.max(1));
    if n <= 1 {
        // One item (`check FILE`): no worker thread to start and wait for.
        return (0..n).try_for_each(|i| sink(i, work(i)));
    }
    // Workers take runs of consecutive items and hand each run over at once: one wake-up of the
    // caller's thread a run instead of one an item (a run is short enough that the last runs
    // still spread over the workers, and never longer than the window).
    let run = (n / (threads * 32)).clamp(1, 8).min(window);
    let next = AtomicUsize::new(0);
    // The number of items written so far; `usize::MAX` once the sink failed (workers stop).
    let written = Mutex::new(0usize);
    let advanced = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, Vec<T>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, written, advanced, work) = (&next, &written, &advanced, &work);
            scope.spawn(move || loop {
                let first = next.fetch_add(run, Ordering::Relaxed);
                if first >= n {
                    break;
                }
                let end = (first + run).min(n);
                {
                    let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                    while *w != usize::MAX && end > *w + window {
                        w = advanced.wait(w).unwrap_or_else(|e| e.into_inner());
                    }
                    if *w == usize::MAX {
                        break;
                    }
                }
                if tx.send((first, (first..end).map(work).collect())).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending: VecDeque<Option<T>> = VecDeque::new();
        let mut done = 0usize;
        let mut result = Ok(());
        for (first, values) in rx.iter() {
            for (i, value) in (first..).zip(values) {
                let slot = i - done;
                if pending.len() <= slot {
                    pending.resize_with(slot + 1, || None);
                }
                pending[slot] = Some(value);
            }
            let before = done;
            while let Some(Some(_)) = pending.front() {
                let Some(Some(value)) = pending.pop_front() else {
                    unreachable!("front checked")
                };
                if let Err(e) = sink(done, value) {
                    result = Err(e);
                    break;
                }
                done += 1;
            }
            if result.is_err() {
                *written.lock().unwrap_or_else(|e| e.into_inner()) = usize::MAX;
                advanced.notify_all();
                break;
            }
            if done != before {
                *written.lock().unwrap_or_else(|e| e.into_inner()) = done;
                advanced.notify_all();
            }
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::map_ordered;

    #[test]
    fn results_arrive_in_order_whatever_the_work_order() {
        for threads in [1, 2, 5] {
            for window in [1, 3, 64] {
                let mut seen = Vec::new();
                map_ordered(
                    200,
                    threads,
                    window,
                    |i| {
                        // uneven work so that items finish out of order
                        let spin = (i * 7919) % 13 * 1000;
                        (0..spin).fold(i, |a, b| a ^ b) ^ (0..spin).fold(0, |a, b| a ^ b)
                    },
                    |i, v| {
                        assert_eq!(i, v);
                        seen.push(v);
                        Ok::<(), ()>(())
                    },
                )
                .expect("no sink error");
                assert_eq!(seen, (0..200).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn a_sink_error_stops_the_run_and_is_returned() {
        let mut count = 0;
        let r = map_ordered(
            10_000,
            2,
            4,
            |i| i,
            |i, _| {
                count += 1;
                if i == 5 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(count, 6);
    }

    #[test]
    fn no_items_no_calls() {
        let r = map_ordered(0, 2, 4, |i| i, |_, _| Err::<(), _>("called"));
        assert_eq!(r, Ok(()));
    }
}
