package dev.mapper.cli;

import dev.mapper.render.Format;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The output formats a command writes, when they are not {@link Format#REPORTS} (every report's): its --format
 * option offers, completes and accepts only these, and its errors name only these.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Formats {
    Format[] value();
}
