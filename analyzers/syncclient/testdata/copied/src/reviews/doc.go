// Package reviews serves shop.reviews.v1.ReviewService.
package reviews
