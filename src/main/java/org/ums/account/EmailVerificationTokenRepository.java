package org.ums.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface EmailVerificationTokenRepository extends Repository<EmailVerificationToken, UUID> {

  EmailVerificationToken save(EmailVerificationToken token);

  /** Spends a valid token of this user: 1 when it existed and had not expired, 0 otherwise. */
  @Modifying
  @Query("""
      delete from EmailVerificationToken t
      where t.tokenHash = :hash and t.userId = :userId and t.expiresAt > :now""")
  int consume(@Param("hash") byte[] hash, @Param("userId") UUID userId, @Param("now") java.time.Instant now);

  @Modifying
  @Query("delete from EmailVerificationToken t where t.userId = :userId")
  void deleteByUserId(@Param("userId") UUID userId);
}
