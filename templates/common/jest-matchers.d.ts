// The types of cdktf's Testing matchers (toHaveResourceWithProperties, ...), which
// jest.setup.js installs at run time; without them `tsc --noEmit` rejects every test.
import 'cdktf/lib/testing/adapters/jest';
