package dev.mapper.pull;

import dev.mapper.model.SetKey;
import dev.mapper.model.Versions;
import java.util.Comparator;

/**
 * One installable file, by what it holds: an ATT&CK release ({@code framework} is {@value #ATTACK},
 * {@code frameworkVersion} null) or a Mappings Explorer set (framework, framework version, ATT&CK version, domain),
 * spelled as the files' own metadata spells them.
 */
public record Item(String framework, String frameworkVersion, String attackVersion, String domain) {

    /** The name ATT&CK's own bundles go by where a framework is asked for ({@code --framework attack}). */
    public static final String ATTACK = "attack";

    /** Older first: by ATT&CK version, then framework version, as mapper orders sets. */
    static final Comparator<Item> AGE = Comparator.comparing(Item::attackVersion, Versions.ORDER)
            .thenComparing(Item::frameworkVersion, Versions.ORDER);

    static Item attack(String domain, String version) {
        return new Item(ATTACK, null, version, domain);
    }

    boolean isAttack() {
        return ATTACK.equals(framework);
    }

    /** What one newest item is kept of: ATT&CK per domain, a framework per domain. */
    String group() {
        return framework + " " + domain;
    }

    /** Where the file lives in a data home, named as its publisher names it. */
    String path() {
        if (isAttack()) {
            return "attack/" + domain + "-attack-" + attackVersion + ".json";
        }
        return "mappings/" + framework + "/" + framework + "-" + pathVersion() + "_attack-" + attackVersion + "-"
                + domain + ".json";
    }

    /** The framework version as published paths spell it: {@code 12/12/2024} is {@code 12.12.2024}. */
    String pathVersion() {
        return frameworkVersion.replace('/', '.');
    }

    /** "enterprise-attack 18.1", or the set's name ({@code aws@12/12/2024@16.1}), as users read it. */
    String label() {
        return isAttack() ? domain + "-attack " + attackVersion
                : new SetKey(framework, frameworkVersion, attackVersion, domain).toString();
    }
}
