package io.chorus.web.openapi;

import io.chorus.web.problem.Problems;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks each API request against the operation the OpenAPI document gives for its method and
 * path: parameters and JSON body. A request that fails is answered with a 400 problem naming
 * each field at fault (415 for a body that is not JSON); a request the document does not know
 * passes untouched, so routes not yet documented keep working. Mount it after the body handler.
 */
public final class RequestValidation implements Handler<RoutingContext> {
  private static final String JSON = "application/json";
  private static final RequestParameter ABSENT = () -> null;

  private final OpenAPIContract contract;
  private final RequestValidator validator;
  private final ValidationErrors errors;

  private RequestValidation(Vertx vertx, ApiContract api) {
    this.contract = api.contract();
    this.validator = RequestValidator.create(vertx, contract);
    this.errors = new ValidationErrors(api.document());
  }

  public static RequestValidation create(Vertx vertx, ApiContract api) {
    return new RequestValidation(vertx, api);
  }

  @Override
  public void handle(RoutingContext rc) {
    Operation operation = contract.findOperation(rc.normalizedPath(), rc.request().method());
    if (operation == null) {
      rc.next();
      return;
    }
    RequestUtils.extract(rc.request(), operation, () -> Future.succeededFuture(rc.body().buffer()))
        .map(extracted -> prepared(extracted, operation))
        .compose(request -> validator.validate(request, operation.getOperationId()))
        .onSuccess(valid -> rc.next())
        .onFailure(failure -> {
          if (failure instanceof ValidatorException invalid) {
            Problems.send(rc, errors.problem(invalid, operation));
          } else {
            rc.fail(failure);
          }
        });
  }

  /**
   * The request as the handlers read it: a blank query parameter counts as absent; a body sent
   * without a content type is read as JSON; and a required body that is missing is checked as
   * {@code {}}, so that the answer names the fields it lacks.
   */
  private static ValidatableRequest prepared(ValidatableRequest extracted, Operation operation) {
    Map<String, RequestParameter> query = new LinkedHashMap<>(extracted.getQuery());
    query.replaceAll((name, value) -> value.isString() && value.getString().isBlank() ? ABSENT : value);
    RequestParameter body = extracted.getBody();
    String contentType = extracted.getContentType();
    RequestBody expected = operation.getRequestBody();
    if (expected != null && body.isEmpty() && expected.isRequired()) {
      body = () -> Buffer.buffer("{}");
      contentType = JSON;
    } else if (expected != null && !body.isEmpty() && contentType == null) {
      contentType = JSON;
    }
    return new Prepared(extracted.getCookies(), extracted.getHeaders(), extracted.getPathParameters(), query, body,
        contentType);
  }

  private record Prepared(
      Map<String, RequestParameter> cookies,
      Map<String, RequestParameter> headers,
      Map<String, RequestParameter> path,
      Map<String, RequestParameter> query,
      RequestParameter body,
      String contentType) implements ValidatableRequest {

    @Override
    public Map<String, RequestParameter> getCookies() {
      return cookies;
    }

    @Override
    public Map<String, RequestParameter> getHeaders() {
      return headers;
    }

    @Override
    public Map<String, RequestParameter> getPathParameters() {
      return path;
    }

    @Override
    public Map<String, RequestParameter> getQuery() {
      return query;
    }

    @Override
    public RequestParameter getBody() {
      return body;
    }

    @Override
    public String getContentType() {
      return contentType;
    }
  }
}
