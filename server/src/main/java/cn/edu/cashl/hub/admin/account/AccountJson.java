package cn.edu.cashl.hub.admin.account;

import cn.edu.cashl.hub.admin.auth.Account;

/**
 * An admin account, without its password hash.
 *
 * @param configured defined in the configuration file, and so read-only in the admin
 */
public record AccountJson(String name, String role, boolean configured, String createdAt) {

    static AccountJson of(Account account) {
        return new AccountJson(
                account.name(),
                account.role().value(),
                account.configured(),
                account.createdAt() == null ? null : account.createdAt().toString());
    }
}
