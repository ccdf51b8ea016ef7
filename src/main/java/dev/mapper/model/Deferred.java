package dev.mapper.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, then kept: data only some questions need (an ATT&CK release's groups and their
 * relationships) is not decoded by runs that do not ask. Equal when the values are equal.
 */
public final class Deferred<T> implements Supplier<T> {

    private Supplier<? extends T> make;
    private T value;

    private Deferred(Supplier<? extends T> make, T value) {
        this.make = make;
        this.value = value;
    }

    /** A value made by {@code make} at the first {@link #get}; what it throws, the {@code get} throws. */
    public static <T> Deferred<T> of(Supplier<? extends T> make) {
        return new Deferred<>(Objects.requireNonNull(make), null);
    }

    /** A value already made. */
    public static <T> Deferred<T> now(T value) {
        return new Deferred<>(null, Objects.requireNonNull(value));
    }

    @Override
    public synchronized T get() {
        if (make != null) {
            value = Objects.requireNonNull(make.get());
            make = null;
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Deferred<?> d && get().equals(d.get());
    }

    @Override
    public int hashCode() {
        return get().hashCode();
    }

    @Override
    public synchronized String toString() {
        return "Deferred[" + (make == null ? value : "not made yet") + "]";
    }
}
