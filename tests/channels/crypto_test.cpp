// Unit tests of the channels' crypto primitives (faqbot_channels_crypto).
#include "adapters/channels/crypto.h"

#include <gtest/gtest.h>

namespace faqbot::channels {
namespace {

// FIPS 180 / RFC 4231 / RFC 4648 known answers: the primitives themselves.
TEST(CryptoTest, DigestsMatchStandardVectors) {
  EXPECT_EQ(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2.
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(CryptoTest, Base64RoundTripAndStrictness) {
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_decode("Zm9vYmE=").value(), "fooba");
  EXPECT_EQ(base64_decode("").value(), "");
  EXPECT_FALSE(base64_decode("Zm9").ok());       // length
  EXPECT_FALSE(base64_decode("Zm=v").ok());      // padding in the middle
  EXPECT_FALSE(base64_decode("Z===").ok());      // too much padding
  EXPECT_FALSE(base64_decode("Zm9v\nYmFy").ok()); // stray characters
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  EXPECT_EQ(base64_decode(base64_encode(all)).value(), all);
}

TEST(CryptoTest, AesCbcRoundTripAndArgumentChecks) {
  std::string key(32, 'k'), iv(16, 'i');
  std::string plain = pkcs7_pad("hello world", 16);
  ASSERT_EQ(plain.size(), 16u);
  auto cipher = aes256_cbc_encrypt(key, iv, plain);
  ASSERT_TRUE(cipher.ok());
  EXPECT_NE(cipher.value(), plain);
  EXPECT_EQ(pkcs7_unpad(aes256_cbc_decrypt(key, iv, cipher.value()).value(), 16).value(), "hello world");
  EXPECT_FALSE(aes256_cbc_encrypt(std::string(31, 'k'), iv, plain).ok());
  EXPECT_FALSE(aes256_cbc_encrypt(key, std::string(8, 'i'), plain).ok());
  EXPECT_FALSE(aes256_cbc_decrypt(key, iv, "short").ok());
}

TEST(CryptoTest, Pkcs7RejectsInconsistentPadding) {
  EXPECT_EQ(pkcs7_pad("", 32).size(), 32u);
  EXPECT_EQ(pkcs7_unpad(pkcs7_pad("abc", 32), 32).value(), "abc");
  EXPECT_FALSE(pkcs7_unpad(pkcs7_pad("abc", 32), 16).ok());  // pad 29 > 16
  std::string bad = "abc" + std::string(12, '\x0d') + std::string(1, '\x0c');
  EXPECT_FALSE(pkcs7_unpad(bad, 16).ok());
  EXPECT_FALSE(pkcs7_unpad(std::string("abc\0", 4), 16).ok());
}

TEST(CryptoTest, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal("", "a"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

TEST(CryptoTest, RandomBytesHaveTheLengthAndDiffer) {
  EXPECT_EQ(random_bytes(16).size(), 16u);
  EXPECT_NE(random_bytes(16), random_bytes(16));
}

}  // namespace
}  // namespace faqbot::channels
