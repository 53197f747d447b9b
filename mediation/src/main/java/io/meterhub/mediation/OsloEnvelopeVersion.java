package io.meterhub.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyInt;
import java.math.BigInteger;

/**
 * Whether an {@code oslo.version} is one oslo.messaging's notification listener opens: its
 * {@code _utils.version_is_compatible("2.0", version)}, ported with its Python semantics. The version must be a
 * string of at least two dot-separated integers ({@code int()} literals, so {@code "02.0"} and {@code " 2.0"} pass
 * while {@code "2"} and the number {@code 2.0} do not); major 2, minor at most 0, and with minor 0 a revision at most
 * 0.
 */
final class OsloEnvelopeVersion {

    private static final String CURRENT = "2.0";
    private static final BigInteger MAJOR = BigInteger.TWO;
    private static final BigInteger MINOR = BigInteger.ZERO;
    private static final BigInteger REVISION = BigInteger.ZERO;

    private OsloEnvelopeVersion() {}

    static boolean compatible(JsonNode version) {
        if (version == null || !version.isTextual()) {
            return false; // None is incompatible; a number has no split() and oslo fails on it
        }
        if (CURRENT.equals(version.textValue())) {
            return true; // what every oslo.messaging since 2013 writes; the rest is the general rule
        }
        String[] parts = version.textValue().split("\\.", -1);
        if (parts.length < 2) {
            return false; // oslo: IndexError on version_parts[1]
        }
        try {
            if (!PyInt.parse(parts[0]).equals(MAJOR)) {
                return false;
            }
            int minor = PyInt.parse(parts[1]).compareTo(MINOR);
            if (minor > 0) {
                return false;
            }
            BigInteger revision = parts.length > 2 ? PyInt.parse(parts[2]) : BigInteger.ZERO;
            return minor != 0 || revision.compareTo(REVISION) <= 0;
        } catch (PyException e) {
            return false; // oslo: ValueError from int()
        }
    }
}
