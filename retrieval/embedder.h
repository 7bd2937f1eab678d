#pragma once
// Dense embeddings of normalised questions. The engine ships one
// implementation (SupervisedEmbedder, trained on the knowledge base); an
// external neural embedding service can implement the same interface later.
#include <string_view>
#include <vector>

namespace faqbot::retrieval {

class Embedder {
 public:
  virtual ~Embedder() = default;
  // Length of every vector embed() returns.
  virtual int dim() const = 0;
  // Unit-length embedding (dim() floats) of an already normalised text; all
  // zeros when the embedder knows nothing about the text. Thread-safe.
  virtual std::vector<float> embed(std::string_view normalized) const = 0;
};

}  // namespace faqbot::retrieval
