package io.chorus.platform.auth;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.leader.Escalation;
import io.chorus.contracts.platform.AccountStatus;
import io.chorus.contracts.platform.Reauthorization;
import io.chorus.platform.PlatformAccount;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one platform's accounts authorized: hands out each account's current access token,
 * renews it with the refresh grant before it expires and when the platform refuses it, stores
 * rotated tokens in PostgreSQL, and when renewal is impossible (revoked, refresh token reused)
 * marks the account NEEDS_REAUTHORIZATION and escalates, until a person authorizes it again.
 * Confined to the agent's context.
 */
public final class AccountAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AccountAuth.class);

  private final Vertx vertx;
  private final Platform platform;
  private final TokenSettings settings;
  private final TokenStore store;
  /** Null when the platform has no OAuth settings: tokens are then used as configured until they fail. */
  private final TokenEndpoint endpoint;
  private final Map<String, PlatformAccount> accounts;
  private final Map<String, Credentials> current = new HashMap<>();
  /** One renewal per account at a time: a rotating refresh token may be used only once. */
  private final Map<String, Future<Credentials>> renewing = new HashMap<>();
  private final Map<String, LocalDate> warnedOn = new HashMap<>();
  private final Map<String, JsonObject> seeds;
  private long expiryTimer = -1;

  /**
   * @param accounts this platform's accounts
   * @param seeds per account id, its {@code brands[].accounts[]} entry (tokens resolved)
   */
  public AccountAuth(Vertx vertx, Platform platform, Pool pool, WebClient web, JsonObject config,
      Map<String, PlatformAccount> accounts, Map<String, JsonObject> seeds, long timeoutMs) {
    this.vertx = vertx;
    this.platform = platform;
    this.settings = TokenSettings.fromConfig(config);
    TokenCipher cipher = settings.encryptionKey() == null ? null : TokenCipher.fromBase64(settings.encryptionKey());
    this.store = new TokenStore(pool, cipher);
    OAuthSettings oauth = OAuthSettings.fromPlatform(
        config.getJsonObject("platforms", new JsonObject()).getJsonObject(platform.id()));
    this.endpoint = oauth == null ? null : new TokenEndpoint(platform, web, oauth, timeoutMs);
    // Its own copy: accounts managed through the API come and go while the agent runs.
    this.accounts = new HashMap<>(accounts);
    this.seeds = seeds;
  }

  /** Reads every account's stored tokens, seeding the store from the configuration where it is newer. */
  public Future<Void> start() {
    if (!store.encrypted()) {
      LOG.warn("tokens.encryptionKey is not set: renewed {} tokens are kept in memory only and lost at restart",
          platform.id());
    }
    List<Future<Void>> loads = new ArrayList<>();
    for (PlatformAccount account : accounts.values()) {
      loads.add(load(account));
    }
    return Future.all(loads).<Void>mapEmpty().onSuccess(done -> {
      checkExpiries();
      expiryTimer = vertx.setPeriodic(settings.checkIntervalMs(), tick -> checkExpiries());
    });
  }

  public void stop() {
    if (expiryTimer >= 0) {
      vertx.cancelTimer(expiryTimer);
    }
  }

  private Future<Void> load(PlatformAccount account) {
    Credentials seed = seed(account);
    String digest = digest(seed);
    return store.load(account.id()).compose(stored -> {
      if (stored.isPresent() && stored.get().seedDigest().equals(digest)) {
        current.put(account.id(), fromStored(stored.get(), seed));
        return Future.succeededFuture();
      }
      return store.seed(account.id(), platform, seed, digest).map(version -> {
        current.put(account.id(), new Credentials(seed.accessToken(), seed.refreshToken(), seed.accessExpiresAt(),
            AccountStatus.ACTIVE, version, System.currentTimeMillis()));
        return null;
      });
    });
  }

  /**
   * Takes on an account managed through the API, or reads it afresh after it changed. Its tokens
   * are the ones stored for it (sealed by the catalog); the configuration has none.
   */
  public Future<Void> adopt(PlatformAccount account) {
    accounts.put(account.id(), account);
    return store.load(account.id()).map(stored -> {
      if (stored.isPresent()) {
        current.put(account.id(), fromStored(stored.get(), seed(account)));
      } else {
        current.remove(account.id());
      }
      return null;
    });
  }

  /** Lets go of an account deleted through the API. */
  public void forget(String accountId) {
    accounts.remove(accountId);
    current.remove(accountId);
    warnedOn.remove(accountId);
  }

  /**
   * The access token to call the platform with, renewed first when it expires within
   * {@code tokens.refreshAheadSeconds}; fails with REAUTHORIZATION_REQUIRED while the account waits
   * for a person, and with a null result when the account has no token at all.
   */
  public Future<String> accessToken(PlatformAccount account) {
    Credentials known = current.get(account.id());
    if (known == null) {
      return Future.succeededFuture(account.accessToken());
    }
    if (!known.active()) {
      // Another node may have been given the new authorization: look again, at most once per recheck.
      if (System.currentTimeMillis() - known.checkedAtMs() < settings.reauthorizationRecheckMs()) {
        return needsReauthorization(account);
      }
      return reload(account).compose(fresh -> fresh.active() ? accessToken(account) : needsReauthorization(account));
    }
    Instant renewBy = known.accessExpiresAt() == null ? null
        : known.accessExpiresAt().minusSeconds(settings.refreshAheadSeconds());
    if (renewBy != null && !Instant.now().isBefore(renewBy) && endpoint != null && known.renewable()) {
      return renew(account, known).map(Credentials::accessToken);
    }
    return Future.succeededFuture(known.accessToken());
  }

  /**
   * The token to try once more after the platform refused {@code refused}: one another node
   * renewed meanwhile, or a renewed one. When none can be had the account needs authorizing
   * again and the future fails with REAUTHORIZATION_REQUIRED.
   */
  public Future<String> afterRefusal(PlatformAccount account, String refused, String platformSaid) {
    return reload(account).compose(fresh -> {
      if (!fresh.active()) {
        return needsReauthorization(account);
      }
      if (fresh.accessToken() != null && !fresh.accessToken().equals(refused)) {
        return Future.succeededFuture(fresh.accessToken());
      }
      if (endpoint != null && fresh.renewable()) {
        return renew(account, fresh).map(Credentials::accessToken);
      }
      return revoke(account, fresh, platformSaid).compose(revoked -> needsReauthorization(account));
    });
  }

  /** The platform refused even a renewed token: the account needs authorizing again. */
  public <T> Future<T> refusedAfterRenewal(PlatformAccount account, String platformSaid) {
    return revoke(account, current.get(account.id()), platformSaid).compose(revoked -> needsReauthorization(account));
  }

  /** Whether the account has any token at all: an account without one is misconfigured, not revoked. */
  public boolean hasToken(PlatformAccount account) {
    Credentials known = current.get(account.id());
    return known != null && known.accessToken() != null && !known.accessToken().isBlank();
  }

  /** Takes a person's new authorization: the account is ACTIVE again and its waiting posts may go. */
  public Future<AccountStatus> reauthorize(Reauthorization authorization) {
    PlatformAccount account = accounts.get(authorization.accountId());
    if (account == null) {
      return Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND,
          "no " + platform.id() + " account '" + authorization.accountId() + "'").exception());
    }
    if (authorization.accessToken() == null || authorization.accessToken().isBlank()) {
      return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST,
          "a reauthorization needs an accessToken").exception());
    }
    Credentials before = current.get(account.id());
    long version = before == null ? 1 : before.version() + 1;
    Instant expiresAt = authorization.expiresInSeconds() > 0
        ? Instant.now().plusSeconds(authorization.expiresInSeconds()) : null;
    Credentials after = new Credentials(authorization.accessToken(), authorization.refreshToken(), expiresAt,
        AccountStatus.ACTIVE, version, System.currentTimeMillis());
    return store.save(account.id(), after, "reauthorized").map(saved -> {
      current.put(account.id(), after);
      warnedOn.remove(account.id());
      LOG.info("{} account {} authorized again; its waiting posts go out", platform.id(), account.id());
      return status(account.id());
    });
  }

  public AccountStatus status(String accountId) {
    Credentials known = current.get(accountId);
    return new AccountStatus(accountId, platform, known == null ? AccountStatus.ACTIVE : known.status(),
        known == null ? null : known.accessExpiresAt());
  }

  private Future<Credentials> renew(PlatformAccount account, Credentials from) {
    Future<Credentials> inFlight = renewing.get(account.id());
    if (inFlight != null) {
      return inFlight;
    }
    Future<Credentials> renewal = endpoint.refresh(from.refreshToken())
        .compose(grant -> {
          Credentials renewed = from.renewed(grant, System.currentTimeMillis());
          return store.save(account.id(), renewed, null).map(saved -> {
            current.put(account.id(), renewed);
            LOG.info("{} token of account {} renewed, valid until {}", platform.id(), account.id(), renewed.accessExpiresAt());
            return renewed;
          });
        })
        .recover(failure -> failure instanceof TokenEndpoint.GrantRefusedException refused
            ? refusedGrant(account, from, refused.getMessage())
            : Future.failedFuture(failure))
        .andThen(done -> renewing.remove(account.id()));
    renewing.put(account.id(), renewal);
    return renewal;
  }

  /** A refused refresh token is only a revocation if no other node has rotated it meanwhile. */
  private Future<Credentials> refusedGrant(PlatformAccount account, Credentials used, String why) {
    return reload(account).compose(fresh -> {
      if (fresh.active() && fresh.version() > used.version() && fresh.accessToken() != null) {
        return Future.succeededFuture(fresh);
      }
      return revoke(account, fresh, why).compose(revoked -> needsReauthorization(account));
    });
  }

  private Future<Credentials> revoke(PlatformAccount account, Credentials known, String why) {
    Credentials revoked = known.withStatus(AccountStatus.NEEDS_REAUTHORIZATION, System.currentTimeMillis());
    return store.save(account.id(), revoked, why).map(saved -> {
      current.put(account.id(), revoked);
      String detail = "The " + platform.id() + " authorization of account " + account.id() + " (" + account.handle()
          + ") no longer works (" + why + "). Its posts wait until someone authorizes it again.";
      LOG.warn(detail);
      escalate(Escalation.REAUTHORIZATION_REQUIRED, account, detail);
      return revoked;
    });
  }

  private Future<Credentials> reload(PlatformAccount account) {
    Credentials seed = seed(account);
    return store.load(account.id()).map(stored -> {
      Credentials fresh = stored.map(row -> fromStored(row, seed)).orElse(seed);
      Credentials known = current.get(account.id());
      // Without encryption the row holds no tokens: this node's memory is the newest it has.
      Credentials kept = !store.encrypted() && known != null
          ? new Credentials(known.accessToken(), known.refreshToken(), known.accessExpiresAt(), fresh.status(),
              fresh.version(), fresh.checkedAtMs())
          : fresh;
      current.put(account.id(), kept);
      return kept;
    });
  }

  private <T> Future<T> needsReauthorization(PlatformAccount account) {
    return Future.failedFuture(ChorusError.retryAfter(ErrorCode.REAUTHORIZATION_REQUIRED,
        platform.id() + " account " + account.id() + " needs authorizing again", settings.reauthorizationRecheckMs())
        .exception());
  }

  /** Escalates tokens that cannot renew themselves and expire within {@code tokens.expiryWarningDays}. */
  private void checkExpiries() {
    Instant warnFrom = Instant.now().plusSeconds(settings.expiryWarningDays() * 86_400L);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    current.forEach((accountId, known) -> {
      boolean renewsItself = endpoint != null && known.renewable();
      if (known.active() && !renewsItself && known.accessExpiresAt() != null
          && known.accessExpiresAt().isBefore(warnFrom) && !today.equals(warnedOn.get(accountId))) {
        warnedOn.put(accountId, today);
        PlatformAccount account = accounts.get(accountId);
        String detail = "The " + platform.id() + " token of account " + accountId + " expires at "
            + known.accessExpiresAt() + " and cannot be renewed automatically; authorize the account again before then.";
        LOG.warn(detail);
        escalate(Escalation.TOKEN_EXPIRING, account, detail);
      }
    });
  }

  private void escalate(String kind, PlatformAccount account, String detail) {
    vertx.eventBus().publish(Addresses.LEADER_ESCALATIONS,
        new Escalation(kind, platform, account.id(), account.brandId(), detail, Instant.now()));
  }

  private Credentials seed(PlatformAccount account) {
    JsonObject entry = seeds.getOrDefault(account.id(), new JsonObject());
    String expires = entry.getString("accessTokenExpiresAt");
    return new Credentials(account.accessToken(), entry.getString("refreshToken"),
        expires == null ? null : Instant.parse(expires), AccountStatus.ACTIVE, 0, System.currentTimeMillis());
  }

  private static Credentials fromStored(TokenStore.Stored row, Credentials seed) {
    // A row without tokens (no encryption key) keeps the configured ones.
    boolean sealed = row.accessToken() != null;
    return new Credentials(sealed ? row.accessToken() : seed.accessToken(),
        sealed ? row.refreshToken() : seed.refreshToken(),
        row.accessExpiresAt(), row.status(), row.version(), System.currentTimeMillis());
  }

  private static String digest(Credentials seed) {
    try {
      String material = seed.accessToken() + "\n" + seed.refreshToken() + "\n" + seed.accessExpiresAt();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
