package dev.mapper.pull;

import dev.mapper.load.DataFileException;
import dev.mapper.load.DataLoader;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.DataHomeReport;
import dev.mapper.model.DataHomeReport.State;
import dev.mapper.model.FileContent;
import dev.mapper.model.MappingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Installs, checks and removes the files of a data home. Each download is written to the staging directory,
 * parsed by {@code load}'s readers and checked to be what its name says (an ATT&CK release of that domain and
 * version, a mapping set of that framework, versions and domain) before it is moved over anything; the manifest is
 * rewritten after each file. A failure stops the pull: what was installed before it stays, the rest is untouched.
 */
public final class Installer {

    private final DataHome home;
    private final Downloader downloader;
    private final long maxFileSize;
    private final Progress progress;
    private final Clock clock;

    public Installer(DataHome home, Downloader downloader, long maxFileSize, Progress progress, Clock clock) {
        this.home = home;
        this.downloader = downloader;
        this.maxFileSize = maxFileSize;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Installs what the selection chooses among the offers (the newest of each framework and of ATT&CK per domain,
     * unless versions are asked for); with {@code dryRun}, only says what it would fetch and how big it is. In the
     * default (newest) mode, an older file of the same group that a newest-mode pull installed is removed once its
     * successor is in place; files installed by version stay.
     */
    public DataHomeReport pull(List<Offer> offers, Selection selection, boolean dryRun) {
        List<Offer> chosen = selection.choose(offers);
        if (chosen.isEmpty()) {
            throw new PullException(PullException.Kind.NOT_FOUND, "nothing published matches the selection", null);
        }
        if (dryRun) {
            return dryRun(chosen);
        }
        List<DataHomeReport.Row> rows = new ArrayList<>();
        try (DataHome.Lock lock = home.lock(() -> progress.waiting("waiting for another mapper data pull or remove "
                + "in " + home.directory() + " to finish"))) {
            Manifest manifest = home.manifest();
            for (Offer offer : chosen) {
                Manifest.Entry entry = install(offer, manifest.entry(offer.item()).orElse(null), selection.pinned(),
                        rows);
                manifest = manifest.with(entry);
                home.write(manifest);
            }
            if (!selection.pinned()) {
                manifest = removeSuperseded(manifest, chosen, rows);
            }
        }
        return new DataHomeReport(home.directory().toString(), rows);
    }

    /** The installed files, each checked against its SHA-256, and the newer versions the offers have (when given). */
    public DataHomeReport status(List<Offer> offers) {
        Manifest manifest = home.manifest();
        List<DataHomeReport.Row> rows = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            State state = switch (home.check(entry)) {
                case OK -> State.OK;
                case CHANGED -> State.CHANGED;
                case MISSING -> State.MISSING;
            };
            rows.add(row(state, entry, offers == null ? null : newer(entry, manifest, offers)));
        }
        return new DataHomeReport(home.directory().toString(), rows);
    }

    /** Removes the installed files the selection matches (every version of them). */
    public DataHomeReport remove(Selection selection) {
        List<DataHomeReport.Row> rows = new ArrayList<>();
        try (DataHome.Lock lock = home.lock(() -> progress.waiting("waiting for another mapper data pull or remove "
                + "in " + home.directory() + " to finish"))) {
            Manifest manifest = home.manifest();
            List<Manifest.Entry> removed = manifest.entries().stream().filter(e -> selection.matches(e.item())).toList();
            if (removed.isEmpty()) {
                throw new PullException(PullException.Kind.NOT_FOUND, "nothing installed in " + home.directory()
                        + " matches the selection", null);
            }
            // The manifest first: a run that reads the data home meanwhile is never told of a file that is gone.
            home.write(manifest.without(removed::contains));
            for (Manifest.Entry entry : removed) {
                home.delete(entry);
                rows.add(row(State.REMOVED, entry, null));
            }
        }
        return new DataHomeReport(home.directory().toString(), rows);
    }

    private DataHomeReport dryRun(List<Offer> chosen) {
        Manifest manifest = home.manifest();
        List<DataHomeReport.Row> rows = new ArrayList<>();
        for (Offer offer : chosen) {
            Optional<Manifest.Entry> installed = manifest.entry(offer.item());
            long size = offer.size() >= 0 ? offer.size() : downloader.size(offer.url());
            Item item = offer.item();
            rows.add(new DataHomeReport.Row(installed.isPresent() ? State.OK : State.WOULD_FETCH, item.label(),
                    item.framework(), item.frameworkVersion(), item.attackVersion(), item.domain(), item.path(),
                    offer.url().toString(), size, offer.sha256(),
                    installed.map(e -> e.installed().toString()).orElse(null), null));
        }
        return new DataHomeReport(home.directory().toString(), rows);
    }

    /** Fetches, checks and installs one offer; its manifest entry, and its row in {@code rows}. */
    private Manifest.Entry install(Offer offer, Manifest.Entry old, boolean pinned, List<DataHomeReport.Row> rows) {
        Item item = offer.item();
        boolean intact = old != null && home.check(old) == DataHome.FileState.OK;
        // Validators are asked of the server that gave them, and only while the file they describe is intact.
        Downloader.Validators known = intact && offer.url().toString().equals(old.url())
                ? new Downloader.Validators(old.etag(), old.lastModified()) : Downloader.Validators.NONE;
        Path staged = home.stagingFile(item);
        boolean resumable = false;
        try {
            Downloader.Result result = downloader.fetch(offer.url(), known, staged, progress);
            if (result.notModified()) {
                Manifest.Entry kept = withPinned(old, pinned);
                rows.add(row(State.UNCHANGED, kept, null));
                return kept;
            }
            DataHome.Digests digests = DataHome.Digests.of(staged);
            if (offer.sha256() != null && !offer.sha256().equals(digests.sha256())) {
                throw new PullException(PullException.Kind.BAD_DATA, offer.url() + ": its SHA-256 differs from the "
                        + "one the mirror's manifest gives (not installed; the data home is as it was)", null);
            }
            State state;
            if (intact && old.sha256().equals(digests.sha256())) {
                state = State.UNCHANGED; // the server sent it again (new validators), with the same bytes
            } else {
                check(staged, offer);
                home.install(staged, item);
                state = old == null ? State.INSTALLED : State.UPDATED;
            }
            Manifest.Entry entry = new Manifest.Entry(item, item.path(), offer.url().toString(), digests.size(),
                    digests.sha256(), digests.crc32c(), result.validators().etag(),
                    result.validators().lastModified(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                    pinned || (old != null && old.pinned()));
            rows.add(row(state, entry, null));
            return entry;
        } catch (PullException e) {
            // A download the network cut short stays, with its resume file, for the next pull to resume.
            resumable = e.kind() == PullException.Kind.NETWORK;
            throw e;
        } catch (IOException e) {
            throw DataHome.cannotWrite(staged, e);
        } finally {
            if (!resumable) {
                DataHome.deleteQuietly(staged);
                DataHome.deleteQuietly(Downloader.resumeFile(staged));
            }
        }
    }

    /** The download is what the offer says: readable by mapper, and of that domain, framework and versions. */
    private void check(Path staged, Offer offer) {
        FileContent content;
        try {
            String fileName = offer.item().path().substring(offer.item().path().lastIndexOf('/') + 1);
            content = DataLoader.readFile(staged, offer.url().toString(), fileName, maxFileSize);
        } catch (DataFileException e) {
            throw new PullException(PullException.Kind.BAD_DATA, e.getMessage()
                    + " (not installed; the data home is as it was)", e);
        }
        Item found;
        if (content.release() != null) {
            AttackRelease release = content.release();
            found = Item.attack(release.domain(), release.version());
        } else {
            MappingSet set = content.mappings().set();
            found = new Item(set.framework(), set.frameworkVersion(), set.attackVersion(), set.domain());
        }
        if (!found.equals(offer.item())) {
            throw new PullException(PullException.Kind.BAD_DATA, offer.url() + ": holds " + found.label()
                    + ", expected " + offer.item().label() + " (not installed; the data home is as it was)", null);
        }
    }

    private Manifest removeSuperseded(Manifest manifest, List<Offer> chosen, List<DataHomeReport.Row> rows) {
        Set<String> groups = new HashSet<>();
        Set<Item> current = new HashSet<>();
        chosen.forEach(offer -> {
            groups.add(offer.item().group());
            current.add(offer.item());
        });
        List<Manifest.Entry> superseded = manifest.entries().stream()
                .filter(e -> !e.pinned() && groups.contains(e.item().group()) && !current.contains(e.item()))
                .toList();
        if (superseded.isEmpty()) {
            return manifest;
        }
        Manifest kept = manifest.without(superseded::contains);
        home.write(kept);
        for (Manifest.Entry entry : superseded) {
            home.delete(entry);
            rows.add(row(State.REMOVED, entry, null));
        }
        return kept;
    }

    /** The newest offer of the entry's group when it is newer than every installed file of that group. */
    private static String newer(Manifest.Entry entry, Manifest manifest, List<Offer> offers) {
        Item newestInstalled = manifest.entries().stream().map(Manifest.Entry::item)
                .filter(i -> i.group().equals(entry.item().group())).max(Item.AGE).orElse(entry.item());
        return offers.stream().map(Offer::item).filter(i -> i.group().equals(entry.item().group()))
                .max(Item.AGE).filter(i -> Item.AGE.compare(i, newestInstalled) > 0).map(Item::label).orElse(null);
    }

    private static Manifest.Entry withPinned(Manifest.Entry entry, boolean pinned) {
        return new Manifest.Entry(entry.item(), entry.path(), entry.url(), entry.size(), entry.sha256(),
                entry.crc32c(), entry.etag(), entry.lastModified(), entry.installed(), entry.pinned() || pinned);
    }

    private static DataHomeReport.Row row(State state, Manifest.Entry entry, String newer) {
        Item item = entry.item();
        return new DataHomeReport.Row(state, item.label(), item.framework(), item.frameworkVersion(),
                item.attackVersion(), item.domain(), entry.path(), entry.url(), entry.size(), entry.sha256(),
                entry.installed().toString(), newer);
    }
}
