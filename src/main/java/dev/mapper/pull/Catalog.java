package dev.mapper.pull;

import dev.mapper.load.AttackCollectionIndex;
import dev.mapper.load.DataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a source offers: the official publishers (the ATT&CK collection index and the Mappings Explorer sets of a
 * {@link SourceList}), or a mirror: a data home that another mapper filled, on a local disk or served over HTTP.
 */
public final class Catalog {

    /** Neither an index nor a manifest is anywhere near this; a larger answer is not one. */
    private static final long LARGEST_INDEX = 16L * 1024 * 1024;

    private Catalog() {
    }

    /** What the official publishers offer (fetches the ATT&CK collection index). */
    public static List<Offer> official(SourceList sources, Downloader downloader) {
        URI indexUrl = uri(sources.attackIndex());
        AttackCollectionIndex index;
        Path file = fetchSmall(indexUrl, downloader);
        try (InputStream in = Files.newInputStream(file)) {
            index = AttackCollectionIndex.read(indexUrl.toString(), in, LARGEST_INDEX);
        } catch (IOException e) {
            throw new PullException(PullException.Kind.DATA_HOME, file + ": " + e.getMessage(), e);
        } catch (DataFileException e) {
            throw new PullException(PullException.Kind.BAD_DATA, e.getMessage(), e);
        } finally {
            DataHome.deleteQuietly(file);
        }
        List<Offer> offers = new ArrayList<>();
        for (AttackCollectionIndex.Release release : index.releases()) {
            offers.add(new Offer(Item.attack(release.domain(), release.version()), uri(release.url()), -1, null));
        }
        for (Item set : sources.mappingSets()) {
            offers.add(new Offer(set, uri(sources.mappingsUrl(set)), -1, null));
        }
        return offers;
    }

    /**
     * What a mirror offers: the files its manifest lists, with their sizes and SHA-256. {@code location} is a
     * directory or an http(s) URL of a data home.
     */
    public static List<Offer> mirror(String location, Downloader downloader) {
        URI base = base(location);
        URI manifestUrl = base.resolve(Manifest.FILE_NAME);
        Path file = fetchSmall(manifestUrl, downloader);
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(manifestUrl.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PullException(PullException.Kind.DATA_HOME, file + ": " + e.getMessage(), e);
        } finally {
            DataHome.deleteQuietly(file);
        }
        List<Offer> offers = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            try {
                URI url = base.resolve(new URI(null, null, entry.path(), null));
                offers.add(new Offer(entry.item(), url, entry.size(), entry.sha256()));
            } catch (URISyntaxException e) {
                throw new PullException(PullException.Kind.BAD_DATA, manifestUrl + ": a path that is not a URL: "
                        + entry.path(), e);
            }
        }
        return offers;
    }

    /** The location as a URL that ends with '/', so that the manifest's paths resolve below it. */
    private static URI base(String location) {
        if (location.contains("://")) {
            return uri(location.endsWith("/") ? location : location + "/");
        }
        Path directory = Path.of(location).toAbsolutePath();
        if (!Files.isDirectory(directory)) {
            throw new PullException(PullException.Kind.USAGE, location + ": no such directory (--source takes a "
                    + "directory or an http(s) URL holding a data home)", null);
        }
        String url = directory.toUri().toString();
        return uri(url.endsWith("/") ? url : url + "/");
    }

    private static Path fetchSmall(URI url, Downloader downloader) {
        Path file;
        try {
            file = Files.createTempFile("mapper-", ".json");
        } catch (IOException e) {
            throw new PullException(PullException.Kind.DATA_HOME, "cannot create a temporary file: "
                    + e.getMessage(), e);
        }
        try {
            downloader.fetch(url, Downloader.Validators.NONE, file, Progress.NONE);
            if (Files.size(file) > LARGEST_INDEX) {
                throw new PullException(PullException.Kind.BAD_DATA, url + ": over " + LARGEST_INDEX
                        + " bytes: not an index", null);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            DataHome.deleteQuietly(file);
            if (e instanceof PullException pull) {
                throw pull;
            }
            throw new PullException(PullException.Kind.DATA_HOME, file + ": " + e.getMessage(), e);
        }
    }

    static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new PullException(PullException.Kind.USAGE, url + ": not a URL (" + e.getReason() + ")", e);
        }
    }
}
