/**
 * Photos attached to complaints: upload (checked by content, turned upright, stripped of EXIF, scaled down),
 * storage behind the {@link id.go.cilegon.juare.photo.PhotoStore} port, and who may see them
 * ({@link id.go.cilegon.juare.photo.PhotoAccessPolicy}).
 */
package id.go.cilegon.juare.photo;
