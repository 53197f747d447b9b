package io.meterhub.routes.api.query;

import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Sort;
import java.util.List;

/**
 * A {@code POST /v2/query/samples} request, validated and converted.
 *
 * @param filter the filter on stored sample fields ({@link Filter#ALL} when the request has none)
 * @param orderBy the ordering, empty for the store's default (newest first)
 * @param limit the limit the request gave, or null
 */
public record ComplexQuery(Filter filter, List<Sort> orderBy, Integer limit) {

    public ComplexQuery {
        orderBy = List.copyOf(orderBy);
    }
}
