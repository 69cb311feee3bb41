package org.ums.picture.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.account.Actor;
import org.ums.account.UserId;
import org.ums.picture.PictureContent;
import org.ums.picture.PictureNotFoundException;
import org.ums.picture.PictureSize;
import org.ums.picture.PictureView;
import org.ums.picture.Pictures;
import org.ums.web.Link;

/** Uploading, removing and serving profile pictures. */
@RestController
@Tag(name = "Pictures")
class PictureController {

  private static final String MODERATORS = "hasAnyRole('MANAGER', 'ADMIN')";
  /** A picture's URL names one picture for ever: a new picture gets a new id. */
  private static final CacheControl FOR_EVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic()
      .immutable();
  private static final CacheControl INITIALS = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final Pictures pictures;

  PictureController(Pictures pictures) {
    this.pictures = pictures;
  }

  @PutMapping(path = "/users/me/picture", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Upload your picture", description = "Multipart with the field `file`: a JPEG, PNG, "
      + "WebP or GIF (its first frame), judged by its bytes, up to 5 MB (`UMS_PICTURE_MAX_SIZE`; 413 beyond) and "
      + "40 megapixels. It is re-encoded without its metadata (EXIF, GPS) into centre-cropped squares of 512 and "
      + "128 pixels and becomes your `profile_picture_url`; the picture you had is deleted.")
  PictureResponse upload(@AuthenticationPrincipal Actor actor,
      @Parameter(description = "The picture") @RequestPart("file") MultipartFile file) {
    return represent(pictures.upload(actor, bytesOf(file)));
  }

  @DeleteMapping("/users/me/picture")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Remove your picture", description = "Your `profile_picture_url` goes back to your "
      + "initials. 204 also when you had none.")
  ResponseEntity<Void> removeMine(@AuthenticationPrincipal Actor actor) {
    pictures.removeMine(actor);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/users/{user_id}/picture")
  @PreAuthorize(MODERATORS)
  @Operation(summary = "Remove a user's picture (moderation)", description = "For managers and administrators, "
      + "on any account. 204 also when the user had none.")
  ResponseEntity<Void> remove(@PathVariable("user_id") UUID userId) {
    pictures.removeFor(UserId.of(userId));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/pictures/{picture_id}")
  @Operation(summary = "A picture", description = "For anyone: the URL a `profile_picture_url` names. "
      + "`size` is 512 (the default) or 128. Cached for a year: a new picture has a new URL.")
  ResponseEntity<byte[]> picture(@PathVariable("picture_id") UUID pictureId,
      @RequestParam(name = "size", defaultValue = "512") int pixels,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    PictureSize size = sizeOf(pixels);
    String etag = "\"" + pictureId + "-" + size.pixels() + "\"";
    // A revalidation needs only to know that the picture is still current, not its bytes.
    if (etag.equals(ifNoneMatch) && pictures.isCurrent(pictureId)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOR_EVER).build();
    }
    PictureContent content = pictures.load(pictureId, size).orElseThrow(PictureNotFoundException::new);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType())).eTag(etag)
        .cacheControl(FOR_EVER).body(content.bytes());
  }

  @GetMapping(path = "/pictures/initials/{initials}", produces = "image/svg+xml")
  @Operation(summary = "The picture of a user without one", description = "For anyone: one or two letters or "
      + "digits on a colour of their own, as SVG; `size` is 512 (the default) or 128.")
  ResponseEntity<String> initials(@PathVariable("initials") String initials,
      @RequestParam(name = "size", defaultValue = "512") int pixels) {
    PictureSize size = sizeOf(pixels);
    if (!InitialsPicture.isValid(initials)) {
      throw new PictureNotFoundException();
    }
    return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(INITIALS)
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(InitialsPicture.svg(initials, size.pixels()));
  }

  private static PictureSize sizeOf(int pixels) {
    return PictureSize.ofPixels(pixels).orElseThrow(() -> new InvalidSizeException(pixels));
  }

  private static byte[] bytesOf(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read an uploaded part", e);
    }
  }

  private static PictureResponse represent(PictureView view) {
    String large = ServletUriComponentsBuilder.fromCurrentContextPath().path(view.path()).toUriString();
    String small = ServletUriComponentsBuilder.fromCurrentContextPath().path(view.path())
        .queryParam("size", PictureSize.SMALL.pixels()).toUriString();
    String mine = ServletUriComponentsBuilder.fromCurrentContextPath().path("/users/me/picture").toUriString();
    return new PictureResponse(large, small, view.contentType(), view.createdAt(),
        List.of(Link.get("self", large), new Link("replace", mine, "PUT", "replace"),
            new Link("delete", mine, "DELETE", "delete")));
  }

  /** A {@code size} that is neither 512 nor 128. */
  static final class InvalidSizeException extends RuntimeException {

    InvalidSizeException(int pixels) {
      super("picture.invalid-size " + pixels, null, false, false);
    }
  }
}
