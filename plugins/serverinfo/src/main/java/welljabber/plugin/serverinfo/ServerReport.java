package welljabber.plugin.serverinfo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the plugin found out about one account's server. A part that could not be asked carries the
 * reason as a sentence for the user instead of its value.
 *
 * @param boundJid the full address the server bound for this session
 * @param domain the server's domain
 * @param software the server's software, empty when it did not say or the question failed
 * @param softwareProblem why the software is unknown, when asking failed
 * @param secure whether the connection is encrypted (TLS)
 * @param streamManagement whether stream management (XEP-0198) is on for this session
 * @param features the rows of the feature list
 * @param featuresProblem why the features are unknown, when asking failed
 */
record ServerReport(String boundJid, String domain, Optional<Software> software, Optional<String> softwareProblem,
        boolean secure, boolean streamManagement, List<FeatureLine> features, Optional<String> featuresProblem) {

    ServerReport {
        Objects.requireNonNull(boundJid, "boundJid");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(softwareProblem, "softwareProblem");
        features = List.copyOf(features);
        Objects.requireNonNull(featuresProblem, "featuresProblem");
    }

    /** The software's text for the status bar, when the server told it. */
    Optional<String> softwareText() {
        return software.map(Software::text).filter(text -> !text.isEmpty());
    }
}
