package io.chorus.web.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a token may do. Writing and approving are separate duties: an editor writes posts and
 * campaigns, a reviewer approves them, a partner integrates (creates posts, manages webhooks),
 * a viewer only reads, and an admin does everything, tokens included.
 */
public enum Role {
  ADMIN(EnumSet.allOf(Permission.class)),
  EDITOR(EnumSet.of(Permission.READ, Permission.POSTS_WRITE, Permission.CATALOG_WRITE)),
  REVIEWER(EnumSet.of(Permission.READ, Permission.POSTS_REVIEW)),
  VIEWER(EnumSet.of(Permission.READ)),
  PARTNER(EnumSet.of(Permission.READ, Permission.POSTS_WRITE, Permission.WEBHOOKS_MANAGE));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  /** The role's name in the API and the database, e.g. {@code editor}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code id} (case-insensitive), or null when there is none of that name. */
  public static Role fromId(String id) {
    for (Role role : values()) {
      if (role.id().equalsIgnoreCase(id)) {
        return role;
      }
    }
    return null;
  }
}
