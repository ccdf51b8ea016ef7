package dev.mapper.render;

import dev.mapper.model.Finding;
import dev.mapper.model.Report;
import dev.mapper.model.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format github}: one GitHub Actions workflow command per finding
 * ({@code ::error file=…,line=…,col=…,title=…::message}), which GitHub shows as an annotation on the line.
 */
final class GithubRenderer implements Renderer {

    @Override
    public void render(Report report, Writer out) throws IOException {
        if (!(report instanceof ValidationReport validation)) {
            throw new UnsupportedFormatException("github", "the findings of 'validate'");
        }
        out.write(validation(validation));
    }

    private static String validation(ValidationReport report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append("::").append(f.severity().label()).append(" file=").append(property(f.file()));
            if (f.line() > 0) {
                b.append(",line=").append(f.line()).append(",col=").append(Math.max(f.column(), 1));
            }
            b.append(",title=").append(property("mapper " + f.rule())).append("::").append(data(f.message()))
                    .append('\n');
        }
        return b.toString();
    }

    /** Text from data made safe for the log (no control characters), then escaped as GitHub's runner expects. */
    private static String data(String s) {
        return Text.line(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The escaping of a command's property values, which also end at ':' and ','. */
    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
