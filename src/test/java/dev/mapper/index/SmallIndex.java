package dev.mapper.index;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;
import static dev.mapper.testing.Records.tactic;
import static dev.mapper.testing.Records.technique;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.LoadedData;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Tactic;
import dev.mapper.testing.Records;
import java.util.List;
import java.util.Set;

/**
 * A small index made by hand for the query tests: ATT&CK enterprise 16.1 with five techniques (one revoked, one
 * deprecated, one sub-technique), two AWS sets (old and new) and a VERIS set.
 */
final class SmallIndex {

    static final Tactic CREDENTIAL_ACCESS = tactic("TA0006", "credential-access", "Credential Access", 7);
    static final Tactic PERSISTENCE = tactic("TA0003", "persistence", "Persistence", 4);

    static final MappingSet AWS_NEW = set("aws", "12/12/2024", "16.1", "enterprise", "aws-new.json");
    static final MappingSet AWS_OLD = set("aws", "01/01/2024", "15.1", "enterprise", "aws-old.json");
    static final MappingSet VERIS = set("veris", "1.4.0", "16.1", "enterprise", "veris.json");

    static final MappingFile AWS_NEW_FILE = new MappingFile(AWS_NEW, List.of(
            mapping(AWS_NEW, "aws_iam", "T1528").description("AWS Identity and Access Management")
                    .group("identity").score("protect", "significant")
                    .comments("Short-lived access tokens limit what a stolen token is worth").build(),
            mapping(AWS_NEW, "aws_iam", "T1078").description("AWS Identity and Access Management")
                    .score("protect", "partial").build(),
            mapping(AWS_NEW, "aws_sso", "T1078.004").description("AWS IAM Identity Center")
                    .score("detect", "minimal").comments("Logs sign-ins to cloud accounts").build(),
            mapping(AWS_NEW, "aws_waf", null).type("non_mappable").build()));
    static final MappingFile AWS_OLD_FILE = new MappingFile(AWS_OLD, List.of(
            mapping(AWS_OLD, "aws_iam", "T1000").description("IAM (old description)").score("protect", "minimal")
                    .build(),
            mapping(AWS_OLD, "aws_config", "T1528").description("AWS Config").score("detect", "partial").build()));
    static final MappingFile VERIS_FILE = new MappingFile(VERIS, List.of(
            mapping(VERIS, "action.hacking.variety.Use of stolen creds", "T1078").type("related_to")
                    .name("Valid Accounts").build(),
            mapping(VERIS, "action.hacking.variety.Brute force", "T1110").type("related_to").name("Brute Force")
                    .build(),
            mapping(VERIS, "AC-02", "T1528").type("related_to").build()));

    static final AttackRelease ENTERPRISE = Records.release("enterprise", "16.1", List.of(
            technique("T1528", "Steal Application Access Token").tactics("credential-access").platforms("SaaS")
                    .description("Adversaries can steal application access tokens.").build(),
            technique("T1078", "Valid Accounts").tactics("persistence", "credential-access").platforms("IaaS", "SaaS")
                    .build(),
            technique("T1078.004", "Cloud Accounts").tactics("persistence").platforms("IaaS").build(),
            technique("T1000", "Old Technique").revokedBy("T1528").build(),
            technique("T1001", "Deprecated Technique").tactics("persistence").deprecated().build(),
            technique("T1190", "Exploit Public-Facing Application").tactics("initial-access").build()),
            List.of(CREDENTIAL_ACCESS, PERSISTENCE));

    private SmallIndex() {
    }

    static MappingIndex index() {
        return new MappingIndex(new LoadedData(List.of(ENTERPRISE), List.of(AWS_NEW_FILE, AWS_OLD_FILE, VERIS_FILE),
                List.of()));
    }

    static MappingFilter frameworks(String... names) {
        return new MappingFilter(Set.of(names), Set.of(), Set.of(), null, Set.of(), Set.of(), Set.of());
    }

    /** A tactic filter as the index holds one: by key, {@code enterprise/persistence}. */
    static MappingFilter tactics(String... keys) {
        return new MappingFilter(Set.of(), Set.of(), Set.of(), null, Set.of(keys), Set.of(), Set.of());
    }

    static MappingFilter platforms(String... names) {
        return new MappingFilter(Set.of(), Set.of(), Set.of(), null, Set.of(), Set.of(names), Set.of());
    }
}
