package org.ums.account;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface UserRepository extends Repository<User, UUID> {

  User saveAndFlush(User user);

  void delete(User user);

  Optional<User> findById(UUID id);


  /** Locks the row until the transaction ends, so that two instances count failed logins without losing one. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select u from User u where u.id = :id")
  Optional<User> findByIdForUpdate(@Param("id") UUID id);

  // citext compares without regard to case only when the parameter is citext too; a varchar parameter would
  // compare case-sensitively and miss the unique index.
  @Query(value = "select * from users where email = cast(:email as citext)", nativeQuery = true)
  Optional<User> findByEmail(@Param("email") String email);

  @Query(value = "select exists(select 1 from users where email = cast(:email as citext))", nativeQuery = true)
  boolean existsByEmail(@Param("email") String email);

  @Query(value = "select exists(select 1 from users where nickname = cast(:nickname as citext))", nativeQuery = true)
  boolean existsByNickname(@Param("nickname") String nickname);

  long count();

  @Query(value = "select token_version from users where id = :id", nativeQuery = true)
  Optional<Long> findTokenVersion(@Param("id") UUID id);

  /**
   * Administrators other than {@code id} who can sign in and act: a verified email, a password, and not locked (or
   * a timed lock that has run out).
   */
  @Query("""
      select count(u) from User u where u.role = org.ums.account.Role.ADMIN and u.id <> :id
      and u.emailVerified = true and u.passwordHash is not null
      and (u.locked = false or u.lockedUntil <= :now)""")
  long countOtherActiveAdmins(@Param("id") UUID id, @Param("now") java.time.Instant now);

  /**
   * Serialises, across instances, the transactions that could remove the last administrator; the lock is
   * released at commit.
   */
  @Query(value = "select 1 from (select pg_advisory_xact_lock(:key)) as acquired", nativeQuery = true)
  int lockTransactionOn(@Param("key") long key);
}
