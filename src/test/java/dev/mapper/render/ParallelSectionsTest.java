package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Sections made on two threads are written in their order, and a failure on either side ends the run. */
class ParallelSectionsTest {

    private static final int COUNT = 400;

    /** Renderers that take a little time per section, longer for some, and note which thread made each section. */
    private static Supplier<IntFunction<String>> renderers(Set<String> threads, AtomicInteger made) {
        return () -> i -> {
            LockSupport.parkNanos(i % 7 == 0 ? 300_000 : 20_000);
            threads.add(Thread.currentThread().getName());
            made.incrementAndGet();
            return "section " + i;
        };
    }

    @Test
    void everySectionIsWrittenOnceInOrderWhicheverThreadMadeIt() throws Exception {
        assumeThat(Runtime.getRuntime().availableProcessors()).as("a second processor").isGreaterThan(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch helperMadeOne = new CountDownLatch(1);
        AtomicInteger renderersMade = new AtomicInteger();
        Supplier<IntFunction<String>> base = renderers(threads, new AtomicInteger());
        // The calling thread's renderer (the first made) waits past the first sections until the second thread has
        // made one, so that both take part however the threads are scheduled.
        Supplier<IntFunction<String>> renderers = () -> {
            boolean first = renderersMade.getAndIncrement() == 0;
            IntFunction<String> renderer = base.get();
            return i -> {
                if (first && i >= ParallelSections.FIRST_ALONE) {
                    await(helperMadeOne);
                } else if (!first) {
                    helperMadeOne.countDown();
                }
                return renderer.apply(i);
            };
        };
        List<Integer> indexes = new ArrayList<>();
        List<String> sections = new ArrayList<>();

        ParallelSections.write(COUNT, renderers, (i, section) -> {
            indexes.add(i);
            sections.add(section);
        });

        assertThat(indexes).hasSize(COUNT);
        for (int i = 0; i < COUNT; i++) {
            assertThat(indexes.get(i)).isEqualTo(i);
            assertThat(sections.get(i)).isEqualTo("section " + i);
        }
        assertThat(threads).containsExactlyInAnyOrder(Thread.currentThread().getName(), "mapper-render");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the second thread made a section").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aShortListIsMadeOnTheCallingThreadAlone() throws IOException {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> sections = new ArrayList<>();

        ParallelSections.write(ParallelSections.FIRST_ALONE, renderers(threads, new AtomicInteger()),
                (i, section) -> sections.add(section));

        assertThat(sections).hasSize(ParallelSections.FIRST_ALONE).endsWith("section 63");
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aSectionThatFailsEndsTheRunWithItsExceptionAfterTheSectionsBeforeIt() {
        List<Integer> written = new ArrayList<>();
        Supplier<IntFunction<String>> failingAt300 = () -> i -> {
            LockSupport.parkNanos(20_000);
            if (i == 300) {
                throw new IllegalStateException("section 300 cannot be made");
            }
            return "section " + i;
        };

        assertThatThrownBy(() -> ParallelSections.write(COUNT, failingAt300, (i, section) -> written.add(i)))
                .isInstanceOf(IllegalStateException.class).hasMessage("section 300 cannot be made");
        assertThat(written).hasSize(300).endsWith(299);
    }

    @Test
    void aFailedWriteStopsTheSecondThread() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();

        // the first write after the second thread starts fails, when most sections are still to be made
        assertThatThrownBy(() -> ParallelSections.write(COUNT, renderers(ConcurrentHashMap.newKeySet(), made),
                (i, section) -> {
                    if (i == ParallelSections.FIRST_ALONE) {
                        throw new IOException("No space left on device");
                    }
                })).isInstanceOf(IOException.class).hasMessage("No space left on device");
        int madeWhenItFailed = made.get();
        Thread.sleep(200); // time for the other thread to make every section, if it did not stop
        assertThat(made.get()).as("sections made after the failed write (%d before)", madeWhenItFailed)
                .isLessThanOrEqualTo(madeWhenItFailed + 8); // at most the rest of the chunk it was making
    }
}
