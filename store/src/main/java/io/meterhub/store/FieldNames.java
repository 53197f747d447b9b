package io.meterhub.store;

/**
 * Makes arbitrary JSON keys (payload and metadata keys such as {@code org.openstack__1__os_distro}) safe as MongoDB
 * field names and back: a dot becomes U+FF0E and a leading dollar U+FF04, the replacements MongoDB's documentation
 * suggests. Keys without either are kept as they are.
 */
public final class FieldNames {

    private static final char DOT = '.';
    private static final char DOLLAR = '$';
    private static final char FULLWIDTH_DOT = '\uFF0E';
    private static final char FULLWIDTH_DOLLAR = '\uFF04';

    private FieldNames() {}

    public static String escape(String key) {
        if (key.indexOf(DOT) < 0 && (key.isEmpty() || key.charAt(0) != DOLLAR)) {
            return key;
        }
        String k = key.replace(DOT, FULLWIDTH_DOT);
        return k.charAt(0) == DOLLAR ? FULLWIDTH_DOLLAR + k.substring(1) : k;
    }

    public static String unescape(String key) {
        if (key.indexOf(FULLWIDTH_DOT) < 0 && (key.isEmpty() || key.charAt(0) != FULLWIDTH_DOLLAR)) {
            return key;
        }
        String k = key.replace(FULLWIDTH_DOT, DOT);
        return k.charAt(0) == FULLWIDTH_DOLLAR ? DOLLAR + k.substring(1) : k;
    }
}
