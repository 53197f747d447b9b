package io.meterhub.agent.dynamic;

import io.meterhub.model.SampleType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pollster of Ceilometer's dynamic-pollster YAML, the fields meterhub evaluates.
 *
 * @param name the meter name
 * @param sampleType gauge, delta or cumulative
 * @param unit the unit
 * @param valueAttribute the dotted path of the value in an entry, or {@code .} for the entry itself
 * @param url the URL to GET: {@code url_path} when absolute, else resolved against the base URL of
 *     {@code endpoint_type}
 * @param responseEntriesKey the dotted path of the entries in the response; empty: the response when it is a list,
 *     else the value of its first key
 * @param metadataFields dotted paths copied into the metadata under their own names
 * @param metadataMapping metadata renames, old name to new name
 * @param preserveMappedMetadata whether a renamed field stays under its old name too
 * @param skipSampleValues values after which no sample is made
 * @param valueMapping value replacements; a value not mapped becomes {@code defaultValue}
 * @param defaultValue the value of an unmapped value when {@code value_mapping} is set
 * @param userIdAttribute the path of the user id in an entry
 * @param projectIdAttribute the path of the project id in an entry
 * @param resourceIdAttribute the path of the resource id in an entry
 * @param headers extra request headers
 * @param timeout the request timeout
 */
public record DynamicPollsterDefinition(
        String name,
        SampleType sampleType,
        String unit,
        String valueAttribute,
        URI url,
        Optional<String> responseEntriesKey,
        List<String> metadataFields,
        Map<String, String> metadataMapping,
        boolean preserveMappedMetadata,
        List<Object> skipSampleValues,
        Map<String, Object> valueMapping,
        Object defaultValue,
        String userIdAttribute,
        String projectIdAttribute,
        String resourceIdAttribute,
        Map<String, String> headers,
        Duration timeout) {}
