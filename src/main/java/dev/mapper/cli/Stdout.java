package dev.mapper.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as picocli wants it, a {@link PrintWriter}, that keeps the first write error: a PrintWriter only
 * sets a flag, and {@code System.out} not even that, so a full disk or a closed descriptor would pass as success.
 */
final class Stdout extends PrintWriter {

    private final FailureRecorder recorder;

    Stdout(OutputStream stream) {
        this(new FailureRecorder(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    private Stdout(FailureRecorder recorder) {
        super(recorder, true);
        this.recorder = recorder;
    }

    /**
     * Flushes {@code out} and throws an {@link OutputException} if any write to it failed; with the reason when
     * {@code out} is a Stdout (tests pass other writers, which do not fail).
     */
    static void check(PrintWriter out) {
        out.flush();
        if (out.checkError()) {
            IOException failure = out instanceof Stdout stdout ? stdout.recorder.failure : null;
            throw new OutputException("cannot write to stdout"
                    + (failure == null || failure.getMessage() == null ? "" : ": " + failure.getMessage()), failure);
        }
    }

    /** Passes everything through and remembers the first exception, which PrintWriter would swallow. */
    private static final class FailureRecorder extends FilterWriter {

        private IOException failure;

        FailureRecorder(Writer out) {
            super(out);
        }

        private void record(IOException e) throws IOException {
            if (failure == null) {
                failure = e;
            }
            throw e;
        }

        @Override
        public void write(int c) throws IOException {
            try {
                super.write(c);
            } catch (IOException e) {
                record(e);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            try {
                super.write(chars, offset, length);
            } catch (IOException e) {
                record(e);
            }
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            try {
                super.write(s, offset, length);
            } catch (IOException e) {
                record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                super.flush();
            } catch (IOException e) {
                record(e);
            }
        }
    }
}
