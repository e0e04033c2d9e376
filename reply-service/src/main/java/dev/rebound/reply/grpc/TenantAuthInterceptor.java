package dev.rebound.reply.grpc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.rebound.contract.UserKey;
import dev.rebound.proto.v1.ReplyServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Authenticates every call to the public service: a bearer JWT verified against the configured
 * public keys, whose {@code tenant} claim becomes the call's tenant. Health and reflection stay
 * open. The separate gRPC server does not run Quarkus HTTP security, hence an interceptor.
 */
@ApplicationScoped
@GlobalInterceptor
public class TenantAuthInterceptor implements ServerInterceptor {

    static final Context.Key<String> TENANT = Context.key("rebound.tenant");
    static final String TENANT_CLAIM = "tenant";
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";

    /** A token verified once is trusted until it expires, but at most this long (key rotation). */
    static final long MAX_CACHED_MILLIS = 5 * 60_000;
    private static final int MAX_CACHED_TOKENS = 10_000;

    private record VerifiedTenant(String tenant, long validUntilMillis) {
    }

    private final JWTParser parser;
    // verifying an RS256 signature costs more than the rest of a typical call; callers reuse tokens
    private final Map<String, VerifiedTenant> verified = new ConcurrentHashMap<>();

    TenantAuthInterceptor(JWTParser parser) {
        this.parser = parser;
    }

    /** The verified tenant of the call being handled. */
    static String currentTenant() {
        return TENANT.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!ReplyServiceGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return reject(call, "missing 'authorization: Bearer <JWT>' metadata");
        }
        String token = authorization.substring(BEARER.length()).strip();
        long now = System.currentTimeMillis();
        VerifiedTenant cached = verified.get(token);
        if (cached == null || cached.validUntilMillis() <= now) {
            String tenant;
            long expiresMillis;
            try {
                JsonWebToken jwt = parser.parse(token);
                Object claim = jwt.getClaim(TENANT_CLAIM);
                tenant = claim == null ? null : claim.toString();
                expiresMillis = jwt.getExpirationTime() * 1000;
            } catch (ParseException e) {
                verified.remove(token);
                return reject(call, "the bearer token was rejected (bad signature, wrong issuer or expired)");
            }
            if (!UserKey.isValidId(tenant)) {
                return reject(call, "the token has no valid 'tenant' claim (1–128 of A–Z a–z 0–9 . _ @ -)");
            }
            if (verified.size() >= MAX_CACHED_TOKENS) {
                verified.clear();
            }
            cached = new VerifiedTenant(tenant, Math.min(expiresMillis, now + MAX_CACHED_MILLIS));
            verified.put(token, cached);
        }
        return Contexts.interceptCall(Context.current().withValue(TENANT, cached.tenant()), call, headers, next);
    }

    private static <Q, R> ServerCall.Listener<Q> reject(ServerCall<Q, R> call, String reason) {
        call.close(Status.UNAUTHENTICATED.withDescription(reason), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
