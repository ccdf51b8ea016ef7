package dev.mapper.render;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The sections of a long answer (show of hundreds of IDs: one per ID) made on this thread and, after the first ones,
 * on a second thread as well, and written in their order by this thread. JSON makes its answers' trees this way while
 * it writes those before them: writing is the larger part, and the second core takes the rest. The second thread
 * starts only once the first sections are done, by when most of the code they run has been compiled: started at
 * once, the two threads compete with the JIT compiler for the second core and gain less (docs/performance.md, "Many
 * IDs in one call"). Sections are claimed a few at a time, so that neighbours (a technique and its sub-techniques)
 * mostly go to the same thread, whose maker keeps what they share.
 */
final class ParallelSections<T> {

    /** Sections made on this thread alone before the second starts (measured: 64 beat 0, 16 and 128). */
    static final int FIRST_ALONE = 64;

    /** Sections claimed at once. */
    private static final int CHUNK = 8;

    /** Where the sections go, in order. */
    interface Sink<T> {
        void write(int index, T section) throws IOException;
    }

    private final AtomicReferenceArray<T> rendered;
    private final AtomicInteger unclaimed = new AtomicInteger(FIRST_ALONE);
    private final Thread writer = Thread.currentThread();
    /** The first section that could not be made, and why; guarded by this. */
    private int failedAt = Integer.MAX_VALUE;
    private Throwable failure;

    private ParallelSections(int count) {
        rendered = new AtomicReferenceArray<>(count);
    }

    /**
     * Writes sections 0 to {@code count - 1} to {@code out} in order, each made by a renderer from
     * {@code renderers}: one per thread, so a renderer may keep state between the sections it renders. With one
     * processor, or no more sections than {@link #FIRST_ALONE}, all are rendered here.
     */
    static <T> void write(int count, Supplier<IntFunction<T>> renderers, Sink<T> out) throws IOException {
        IntFunction<T> renderer = renderers.get();
        boolean shared = count > FIRST_ALONE && Runtime.getRuntime().availableProcessors() > 1;
        int alone = shared ? FIRST_ALONE : count;
        for (int i = 0; i < alone; i++) {
            out.write(i, renderer.apply(i));
        }
        if (!shared) {
            return;
        }
        ParallelSections<T> sections = new ParallelSections<>(count);
        Thread helper = new Thread(new Helper<>(sections, renderers.get()), "mapper-render");
        helper.setDaemon(true); // never keeps the JVM alive: a failed write stops it, and so does the exit
        helper.start();
        try {
            for (int next = alone; next < count; next++) {
                T section;
                while ((section = sections.rendered.get(next)) == null) {
                    sections.throwIfFailedAt(next);
                    if (!sections.renderChunk(renderer)) {
                        LockSupport.park(sections); // until the helper makes a section, or fails
                    }
                }
                sections.rendered.set(next, null); // written: not kept
                out.write(next, section);
            }
        } finally {
            sections.unclaimed.set(count); // after a failed write the helper stops at its current section
        }
    }

    /**
     * Makes the next unclaimed sections; false when none is left, or when one failed. A failure is kept to be thrown
     * when the writer reaches that section, so that the output has every section before it, as made on one thread.
     */
    private boolean renderChunk(IntFunction<T> renderer) {
        int first = unclaimed.getAndAdd(CHUNK);
        int end = Math.min(first + CHUNK, rendered.length());
        for (int i = first; i < end; i++) {
            try {
                rendered.set(i, renderer.apply(i));
            } catch (RuntimeException | Error e) {
                failed(i, e);
                return false;
            } finally {
                LockSupport.unpark(writer);
            }
        }
        return first < end;
    }

    /** Keeps what a section failed with (a RuntimeException or an Error: a renderer throws nothing else). */
    private synchronized void failed(int index, Throwable e) {
        unclaimed.set(rendered.length()); // nothing more is claimed
        if (index < failedAt) {
            failedAt = index;
            failure = e;
        }
    }

    private synchronized void throwIfFailedAt(int index) {
        if (index >= failedAt) {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }
    }

    /** The second thread: makes chunks until none is left. */
    private record Helper<T>(ParallelSections<T> sections, IntFunction<T> renderer) implements Runnable {
        @Override
        public void run() {
            while (sections.renderChunk(renderer)) {
                // on to the next chunk
            }
        }
    }
}
