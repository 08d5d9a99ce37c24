package sns

// signingKeyPEM is the RSA-1024 private key with which every cloud signs
// its SNS messages. It is a public test key of no value: it was generated
// once with `openssl genrsa -traditional 1024`, is published with this source, and
// protects nothing. It is fixed, not generated, so that signatures are the
// same on every run (crypto/rsa ignores any seeded reader since Go 1.26, and
// PKCS #1 v1.5 signatures are deterministic) and so that no cloud pays for
// making a key.
const signingKeyPEM = `-----BEGIN RSA PRIVATE KEY-----
MIICXAIBAAKBgQCy7EGlcnuWV5BMxP3naF7UCpF0jqXGh5dI2pQRoo4WPmXuPg73
TOiNFYXJqQgRLAkxl+r5GV3q4FERD/PYCnlvho5nMVxnd29vvahjK9JILeuuENRZ
0JlGna1gysTalaew8SCy5S61H7IWgbqoedJBR1pq1WDBUOkmWUzVUB7fMwIDAQAB
AoGAEGIjzLOD74tLEkyDd1oOPNpO4V5ifaBS0P/6yPaajhzelocmNazcKncLDiEl
NPVUTi87+90/xU8O/UH5sRGcdttxdtLeAUAKnWGv9DoKLo0Dr7oRWnVfBRWmDMOr
E42xceYQPcyQS7ror9gR9vNscPqOu+ZCe9TZEQNyffxW6eECQQDtpBJjo7QVLBxz
dOyUAI2uy26jY0+XTAnv8nX1IlspkrN3o3tCbWHcRsY6V1xylTLCNDIFuOQTPD8t
BDdes57xAkEAwL7kd4OKujCqQoILuyqmAvn+QRJ74XH9eKfqjERhnO1gdzjh8OdH
m8rA6RNlDYkPEyHvvFCJRdPmVy13jn7oYwJBAKUZFvmIcwU+lymTcwVD+SsWBHCY
/2OynTjJry+2RbV1SR/2QR0eVx2tQeyoYv7sLs6DarlVAYdnlNCWnE0751ECQFOZ
OCyiECSLgP1RvFbUu6Zk2aNNqg9xSnfvlKp76j6PMpzjPhQnrAZlXWB6OgUx4ijx
OjLaV3/C1ZAQN1/FqXMCQEAp47mBysad3CgQ/RMiFtfiPjpFp9NVJE9J5FLJT79J
d+NPIjSqffz8WqSm4EiBXNq41qwSUqP6582EqBAHlZ0=
-----END RSA PRIVATE KEY-----
`
