package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.Placement;
import dev.drover.jobs.validation.JsonFields.Range;
import java.util.Set;

/**
 * Validates a SubmitJob body ({@code Placement}, {@code ClientToken}, {@code Job}) on the raw JSON
 * tree, so that a wrong JSON type becomes a precise fault naming the field instead of a binding
 * exception. Pure: no I/O, no state between calls, safe to share between threads.
 *
 * <p>Faults are reported in document order: the body's fields as the reference lists them
 * (Placement, ClientToken, Job), the job's fields in the reference's order, each task's fields in
 * the order of the reference's task table, then the graph checks of Dependences (unknown names,
 * then one cycle). The first fault decides the answer's code; up to {@link #MAX_VIOLATIONS} are
 * collected.
 *
 * <p>A field this validator does not know is refused as {@code UnknownParameter} at every level, as
 * Tencent does: silently ignoring a misspelt field would silently drop its setting. A JSON {@code
 * null} counts as an absent field. {@code Job.Notifications} is checked for its shape and then
 * ignored: Drover sends no notifications yet. A task's {@code RedirectLocalInfo} is checked and
 * then dropped, the backend chooses where output is captured. A dependence listed twice is accepted
 * and kept once. Strings holding U+0000 or an unpaired surrogate are refused everywhere, since they
 * cannot be stored or sent byte-exact. No message ever quotes a secret (SecretId, SecretKey, Docker
 * password, EnvVars values).
 */
public final class JobValidator {

    /** Most faults collected for one document. */
    public static final int MAX_VIOLATIONS = 100;

    /** Longest ClientToken, as Tencent defines it. */
    public static final int MAX_CLIENT_TOKEN_LENGTH = 64;

    private static final Set<String> BODY_FIELDS = Set.of("Placement", "ClientToken", "Job");
    private static final Set<String> PLACEMENT_FIELDS = Set.of("Zone", "ProjectId");

    private final ValidationLimits limits;

    public JobValidator(ValidationLimits limits) {
        this.limits = limits;
    }

    /** Never throws; validates the whole SubmitJob body {Placement, Job, ClientToken}. */
    public Validation validate(JsonNode body) {
        Violations violations = new Violations();
        JsonFields json = new JsonFields(violations);
        if (body == null || !body.isObject()) {
            String kind = body == null ? "nothing" : JsonFields.kind(body);
            violations.add(
                    Codes.INVALID,
                    "The request body must be a JSON object with Job, got " + kind,
                    java.util.List.of("body"));
            return outcome(violations, null, null, null);
        }
        Scope root = Scope.root("");
        json.refuseUnknown(body, root, BODY_FIELDS);
        Placement placement = placement(body, root, json);
        String clientToken = clientToken(body, root, json);
        JsonNode job = json.object(body, root, "Job", true);
        JobSpec spec = job == null ? null : new JobReader(limits, json).read(job);
        return outcome(violations, spec, placement, clientToken);
    }

    private static Validation outcome(
            Violations violations, JobSpec spec, Placement placement, String clientToken) {
        if (violations.isEmpty()) {
            return new Validation.Valid(spec, placement, clientToken);
        }
        return new Validation.Invalid(violations.all().get(0), violations.all());
    }

    private static Placement placement(JsonNode body, Scope root, JsonFields json) {
        JsonNode placement = json.object(body, root, "Placement", false, PLACEMENT_FIELDS);
        if (placement == null) {
            return null;
        }
        Scope in = root.child("Placement");
        String zone = json.text(placement, in, "Zone", false);
        Long projectId =
                json.bounded(
                        placement,
                        in,
                        "ProjectId",
                        new Range(0, Long.MAX_VALUE, Codes.INVALID, "is too large: %d"));
        return new Placement(zone, projectId);
    }

    /** At most 64 printable ASCII characters, so it is safe as a key and in a header. */
    private static String clientToken(JsonNode body, Scope root, JsonFields json) {
        String token = json.text(body, root, "ClientToken", false);
        if (token == null) {
            return null;
        }
        boolean printable = token.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (token.isEmpty() || token.length() > MAX_CLIENT_TOKEN_LENGTH || !printable) {
            json.invalid(
                    root,
                    "ClientToken",
                    "must be 1 to "
                            + MAX_CLIENT_TOKEN_LENGTH
                            + " printable ASCII characters, got "
                            + token.length()
                            + " characters"
                            + (printable ? "" : " with some outside printable ASCII"));
            return null;
        }
        return token;
    }
}
